import { ATLAS_API_VERSION } from './api-version.js';

/** The content type of every Atlas error answer. */
export const ATLAS_ERROR_CONTENT_TYPE = 'application/json';

/**
 * The versioned media type a client sends in `Accept`.
 *
 * @example
 * atlasMediaType('2024-08-05') // 'application/vnd.atlas.2024-08-05+json'
 */
export function atlasMediaType(apiVersion: string = ATLAS_API_VERSION): string {
  return `application/vnd.atlas.${apiVersion}+json`;
}

/**
 * The `Content-Type` of an Atlas success answer, naming the version served, as the service sends it.
 *
 * @example
 * atlasContentType('2024-08-05') // 'application/vnd.atlas.2024-08-05+json;charset=utf-8'
 */
export function atlasContentType(apiVersion: string = ATLAS_API_VERSION): string {
  return `${atlasMediaType(apiVersion)};charset=utf-8`;
}
