import { AtlasError, AtlasRequestError } from '../errors/index.js';
import { safeDescription } from './safe-description.js';
import { startSharedTask, type SharedTask } from './shared-task.js';
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
}

interface HeldToken {
  readonly token: string;
  readonly refreshAt: number;
}

/**
 * OAuth 2.0 client credentials for an Atlas service account. The token from
 * `POST {baseUrl}/api/oauth/token` is cached until `refreshMarginMs` before it expires; however many
 * requests wait, one refresh is in flight. On a 401 the failed token is dropped and the request
 * retried once with a fresh one. `close()` revokes the held token.
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

  const startRefresh = (call: TokenEndpointCall): SharedTask<string> => {
    const task = startSharedTask(
      async (signal) => {
        const { accessToken, expiresInMs } = await requestToken({ ...call, signal }, basic, [clientSecret]);
        const margin = expiresInMs === undefined ? 0 : Math.min(marginMs, expiresInMs / 2);
        // Without `expires_in` the token is kept until a 401 drops it.
        held = { token: accessToken, refreshAt: expiresInMs === undefined ? Infinity : now() + expiresInMs - margin };
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
    handleUnauthorized(request) {
      const failed = issued.get(request) ?? held?.token;
      if (held && held.token === failed) held = undefined;
      return Promise.resolve(true);
    },
    async close() {
      await refresh?.promise.catch(() => undefined);
      const token = held?.token;
      held = undefined;
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
  if (typeof options !== 'object' || options === null) throw new AtlasError('serviceAccount(options): options must be an object');
  const { clientId, clientSecret, refreshMarginMs } = options;
  if (typeof clientId !== 'string' || clientId.trim() === '' || clientId.includes(':')) {
    throw new AtlasError('serviceAccount: clientId must be a non-empty string without ":"');
  }
  if (typeof clientSecret !== 'string' || clientSecret === '') {
    throw new AtlasError('serviceAccount: clientSecret must be a non-empty string');
  }
  if (refreshMarginMs !== undefined && (!Number.isFinite(refreshMarginMs) || refreshMarginMs < 0)) {
    throw new AtlasError('serviceAccount: refreshMarginMs must be a non-negative number of milliseconds');
  }
  return { clientId, clientSecret };
}
