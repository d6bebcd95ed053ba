import { ATLAS_API_VERSION, atlasContentType } from '@atlas-checkpoints/core';

/**
 * The success `Content-Type` of the first API version, the one every operation has
 * (`application/vnd.atlas.2023-01-01+json;charset=utf-8`); an answer names the version it serves.
 *
 * @example
 * expect(response.headers.get('content-type')).toBe(ATLAS_CONTENT_TYPE);
 */
export const ATLAS_CONTENT_TYPE = atlasContentType(ATLAS_API_VERSION);
