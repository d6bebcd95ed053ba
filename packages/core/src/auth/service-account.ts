import { AtlasRequestError, ConfigError } from '../errors/index.js';
import { safeDescription } from './safe-description.js';
import { startSharedTask, type SharedTask } from './shared-task.js';
import type { TokenCache } from './token-cache.js';
import { requestToken, revokeToken, type TokenEndpointCall } from './token-endpoint.js';
import type { AtlasAuth, AuthRequest } from './types.js';

/** Options of {@link serviceAccount}. */
export interface ServiceAccountOptions {
  /** The service account's client id (`mdb_sa_id_…`). */
  readonly clientId: string;
  /** The service account's client secret (`mdb_sa_sk_…`). Kept in a closure, never printed. */
  readonly clientSecret: string;
  /** Refresh this long before the token expires (ms, default 60 000; capped at half the token's lifetime). */
  readonly refreshMarginMs?: number;
  /** The clock, in ms since the epoch (default `Date.now`); inject one in tests. */
  readonly now?: () => number;
  /**
   * Keeps the token between runs (keyed by client id and base URL), reused until `refreshMarginMs`
   * before it expires. With a cache, `close()` leaves the token valid for the next run instead of
   * revoking it.
   */
  readonly cache?: TokenCache | undefined;
}

interface HeldToken {
  readonly token: string;
  readonly refreshAt: number;
}

/**
 * OAuth 2.0 client credentials for an Atlas service account. The token from
 * `POST {baseUrl}/api/oauth/token` is cached until `refreshMarginMs` before it expires; however many
 * requests wait, one refresh is in flight. On a 401 the failed token is dropped and the request
 * retried once with a fresh one. `close()` revokes the held token. With a `cache`, a token kept by an
 * earlier run is used first and every new token is stored there; a 401 deletes the cached one.
 *
 * @example
 * const auth = serviceAccount({ clientId: 'mdb_sa_id_…', clientSecret: process.env.SECRET! });
 * const client = createAtlasClient({ auth });
 * try { await client.listProjects() } finally { await auth.close?.() }
 */
export function serviceAccount(options: ServiceAccountOptions): AtlasAuth {
  const { clientId, clientSecret } = validate(options);
  const marginMs = options.refreshMarginMs ?? 60_000;
  const now = options.now ?? Date.now;
  const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;

  let held: HeldToken | undefined;
  let refresh: SharedTask<string> | undefined;
  let lastCall: TokenEndpointCall | undefined;
  const issued = new WeakMap<AuthRequest, string>();

  const cache = options.cache;
  // tokens a 401 rejected: never taken from the cache again
  const rejected = new Set<string>();

  const startRefresh = (call: TokenEndpointCall): SharedTask<string> => {
    const task = startSharedTask(
      async (signal) => {
        const key = { clientId, baseUrl: call.baseUrl };
        const cached = await cache?.get(key);
        if (cached && !rejected.has(cached.accessToken) && now() < cached.expiresAt - marginMs) {
          held = { token: cached.accessToken, refreshAt: cached.expiresAt - marginMs };
          return cached.accessToken;
        }
        const { accessToken, expiresInMs } = await requestToken({ ...call, signal }, basic, [clientSecret]);
        const margin = expiresInMs === undefined ? 0 : Math.min(marginMs, expiresInMs / 2);
        // Without `expires_in` the token is kept until a 401 drops it (and not cached between runs).
        held = { token: accessToken, refreshAt: expiresInMs === undefined ? Infinity : now() + expiresInMs - margin };
        if (expiresInMs !== undefined) await cache?.set(key, { accessToken, expiresAt: now() + expiresInMs });
        return accessToken;
      },
      (cause) => new AtlasRequestError({ method: 'POST', url: `${call.baseUrl}/api/oauth/token`, kind: 'aborted', cause }),
    );
    void task.promise
      .catch(() => undefined)
      .finally(() => {
        if (refresh === task) refresh = undefined;
      });
    return task;
  };

  const currentToken = (request: AuthRequest): Promise<string> => {
    if (held && now() < held.refreshAt) return Promise.resolve(held.token);
    // A run every waiter abandoned is aborted but may not have settled yet: never join it.
    if (!refresh || refresh.cancelled) refresh = startRefresh(callOf(request));
    return refresh.join(request.signal);
  };

  return {
    kind: 'serviceAccount',
    async authorize(request) {
      lastCall = callOf(request);
      const token = await currentToken(request);
      issued.set(request, token);
      return `Bearer ${token}`;
    },
    async handleUnauthorized(request) {
      const failed = issued.get(request) ?? held?.token;
      if (held && held.token === failed) held = undefined;
      if (failed !== undefined && cache) {
        rejected.add(failed);
        const key = { clientId, baseUrl: request.baseUrl };
        if ((await cache.get(key))?.accessToken === failed) await cache.delete(key);
      }
      return true;
    },
    async close() {
      await refresh?.promise.catch(() => undefined);
      const token = held?.token;
      held = undefined;
      // a cached token is left for the next run, which reuses it until shortly before it expires
      if (cache) return;
      // The last request's signal may be long aborted: revocation runs on its own.
      if (token !== undefined && lastCall)
        await revokeToken({ ...lastCall, signal: undefined }, basic, token, [clientSecret, token]);
    },
    ...safeDescription({ kind: 'serviceAccount', clientId }),
  };
}

function callOf(request: AuthRequest): TokenEndpointCall {
  return { fetch: request.fetch, baseUrl: request.baseUrl, signal: request.signal, userAgent: request.userAgent };
}

function validate(options: ServiceAccountOptions): { clientId: string; clientSecret: string } {
  if (typeof options !== 'object' || options === null)
    throw new ConfigError('serviceAccount(options): options must be an object');
  const { clientId, clientSecret, refreshMarginMs } = options;
  if (typeof clientId !== 'string' || clientId.trim() === '' || clientId.includes(':')) {
    throw new ConfigError('serviceAccount: clientId must be a non-empty string without ":"');
  }
  if (typeof clientSecret !== 'string' || clientSecret === '') {
    throw new ConfigError('serviceAccount: clientSecret must be a non-empty string');
  }
  if (refreshMarginMs !== undefined && (!Number.isFinite(refreshMarginMs) || refreshMarginMs < 0)) {
    throw new ConfigError('serviceAccount: refreshMarginMs must be a non-negative number of milliseconds');
  }
  return { clientId, clientSecret };
}
