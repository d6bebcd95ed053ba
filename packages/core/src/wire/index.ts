export { ATLAS_API_VERSION, ATLAS_ERROR_CONTENT_TYPE, atlasContentType, atlasMediaType } from './media-type.js';
export { apiErrorBody, reasonPhrase } from './api-error-body.js';
export type { ApiErrorBodyExtra } from './api-error-body.js';
