/** The API version of the checkpoint endpoints (the only one they have). */
export const ATLAS_API_VERSION = '2023-01-01';

/** The content type of every Atlas error answer. */
export const ATLAS_ERROR_CONTENT_TYPE = 'application/json';

/**
 * The versioned media type a client sends in `Accept`.
 *
 * @example
 * atlasMediaType() // 'application/vnd.atlas.2023-01-01+json'
 */
export function atlasMediaType(apiVersion: string = ATLAS_API_VERSION): string {
  return `application/vnd.atlas.${apiVersion}+json`;
}

/**
 * The `Content-Type` of an Atlas success answer, as the service sends it.
 *
 * @example
 * atlasContentType() // 'application/vnd.atlas.2023-01-01+json;charset=utf-8'
 */
export function atlasContentType(apiVersion: string = ATLAS_API_VERSION): string {
  return `${atlasMediaType(apiVersion)};charset=utf-8`;
}
