import { safeDescription } from './safe-description.js';
import type { AtlasAuth } from './types.js';

/**
 * No authentication: requests go out without an `Authorization` header (a proxy or a fake Atlas).
 *
 * @example
 * const client = createAtlasClient({ baseUrl: 'http://127.0.0.1:8080', auth: none() });
 */
export function none(): AtlasAuth {
  return {
    kind: 'none',
    authorize: () => Promise.resolve(undefined),
    handleUnauthorized: () => Promise.resolve(false),
    ...safeDescription({ kind: 'none' }),
  };
}
