export { AtlasError, isAtlasError } from './atlas-error.js';
export { AtlasApiError, isAtlasApiError } from './atlas-api-error.js';
export type { AtlasApiErrorInit } from './atlas-api-error.js';
export { AtlasRequestError, isAtlasRequestError } from './atlas-request-error.js';
export { ConfigError, isConfigError } from './config-error.js';
export { InvalidParameterError, isInvalidParameterError } from './invalid-parameter-error.js';
export { ResponseShapeError, isResponseShapeError } from './response-shape-error.js';
export { redactCredentials, redactUrl } from './redact.js';
