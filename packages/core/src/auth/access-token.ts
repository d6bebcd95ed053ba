import { ConfigError } from '../errors/index.js';
import { safeDescription } from './safe-description.js';
import type { AtlasAuth } from './types.js';

/** RFC 6750 `b64token`: what may follow `Bearer ` in a header. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * A bearer token you already hold (for example from `atlas auth login`). It is sent as
 * `Authorization: Bearer <token>`; a 401 is final, since there is nothing to refresh.
 *
 * @throws {ConfigError} when the token is empty or not a valid bearer token (the token is not echoed).
 * @example
 * const client = createAtlasClient({ auth: accessToken(process.env.ATLAS_TOKEN!) });
 */
export function accessToken(token: string): AtlasAuth {
  if (typeof token !== 'string' || !B64TOKEN.test(token)) {
    throw new ConfigError(
      'accessToken(token): the token must be a non-empty bearer token (letters, digits, -._~+/ and trailing =)',
    );
  }
  const header = `Bearer ${token}`;
  return {
    kind: 'accessToken',
    authorize: () => Promise.resolve(header),
    handleUnauthorized: () => Promise.resolve(false),
    ...safeDescription({ kind: 'accessToken' }),
  };
}
