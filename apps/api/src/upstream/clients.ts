import { accessToken, createAtlasClient, type AtlasAuth, type AtlasClient, type ResponseInfo } from '@atlas-checkpoints/core';
import { LRUCache } from 'lru-cache';

/** How the proxy reaches Atlas. */
export interface UpstreamConfig {
  /** Atlas base URL (e.g. `https://cloud.mongodb.com`). */
  readonly baseUrl: string;
  /** The proxy's own credentials (proxy mode); passthrough callers bring theirs. */
  readonly auth: AtlasAuth;
  /** The transport handed to core's client. */
  readonly fetch: (input: Request, init?: RequestInit) => Promise<Response>;
  /** Timeout of one call in ms (the fill's own deadline, which covers several calls, is the health policy's). */
  readonly timeoutMs: number;
  readonly onResponse?: (info: ResponseInfo) => void;
}

/**
 * Core clients for upstream calls: one with the proxy's credentials, and one per passthrough
 * partition with the caller's bearer token (bounded LRU). They never retry on their own: retries,
 * `Retry-After` and the circuit breaker belong to the upstream health policy shared by every fill.
 *
 * @example
 * const clients = createUpstreamClients(config);
 * await clients.shared.listProjects({ itemsPerPage: 500 });
 */
export function createUpstreamClients(config: UpstreamConfig) {
  const make = (auth: AtlasAuth): AtlasClient =>
    createAtlasClient({
      baseUrl: config.baseUrl,
      auth,
      fetch: config.fetch,
      timeout: config.timeoutMs,
      deadline: config.timeoutMs,
      // One retry owner: the proxy's upstream health policy retries whole fills within their deadline.
      retry: 0,
      userAgent: 'atlas-checkpoints-proxy',
      ...(config.onResponse ? { onResponse: config.onResponse } : {}),
    });
  const shared = make(config.auth);
  const perToken = new LRUCache<string, AtlasClient>({ max: 1000 });
  return {
    shared,
    /** The client for a passthrough bearer token, keyed by its partition (an HMAC, not the token). */
    forBearer(partition: string, token: string): AtlasClient {
      let client = perToken.get(partition);
      if (!client) {
        client = make(accessToken(token));
        perToken.set(partition, client);
      }
      return client;
    },
    evict(partition: string): void {
      perToken.delete(partition);
    },
  };
}
