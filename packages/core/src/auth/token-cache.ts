/** Which token a cache entry holds: one per service account and Atlas base URL. */
export interface TokenCacheKey {
  readonly clientId: string;
  readonly baseUrl: string;
}

/** An access token and when it expires (ms since the epoch). */
export interface CachedToken {
  readonly accessToken: string;
  readonly expiresAt: number;
}

/**
 * Keeps a service account's access token between runs, so a shell loop does not ask the token
 * endpoint (a few requests per minute per client) once per run. Failures are the cache's own
 * business: `get` answers `undefined` and `set`/`delete` resolve when the store cannot be used.
 */
export interface TokenCache {
  get(key: TokenCacheKey): Promise<CachedToken | undefined>;
  set(key: TokenCacheKey, token: CachedToken): Promise<void>;
  delete(key: TokenCacheKey): Promise<void>;
}
