import type { AtlasAuth, ProxyEnv } from '@atlas-checkpoints/core';
import type { Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { ProxyToken } from '../auth/tokens-file.js';
import type { CachePolicy } from '../cache/freshness.js';
import type { CacheStore } from '../cache/store.js';

/** Everything {@link createProxy} needs. Defaults are filled in by `resolveProxyOptions`. */
export interface ProxyOptions {
  /** Atlas base URL. */
  readonly upstreamUrl: string;
  /** The proxy's upstream credentials (proxy mode); from core's `resolveConfig`. */
  readonly upstreamAuth: AtlasAuth;
  /**
   * The upstream transport. Default: undici with `upstreamConnections` sockets. Tests pass the
   * fake Atlas's `fetch`.
   */
  readonly upstreamFetch?: ((input: Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Upper bound on concurrent upstream fills, and on connections per upstream origin (default 16). */
  readonly upstreamConnections?: number | undefined;
  /** Fills waiting for a slot; one more is refused with 503 + `Retry-After` (default 64). */
  readonly upstreamQueue?: number | undefined;
  /** Longest upstream fill in ms, queue wait and retries included (default 10 000). */
  readonly upstreamTimeoutMs?: number | undefined;
  /** Retries of a fill that failed with a network error or a 5xx, within the timeout (default 1). */
  readonly upstreamRetries?: number | undefined;
  /** Forward proxies for the upstream (default: core's `proxyEnv()` of `process.env`). */
  readonly upstreamProxy?: ProxyEnv | undefined;
  /** Extra CA certificates (PEM) trusted for the upstream, beside Node's and `NODE_EXTRA_CA_CERTS`. */
  readonly upstreamCa?: string | undefined;
  /** `proxy`: callers present proxy tokens; `passthrough`: callers' Atlas tokens are forwarded. */
  readonly authMode: 'proxy' | 'passthrough';
  /** Proxy-mode tokens; `undefined` means no token is required (demo only). */
  readonly tokens?: readonly ProxyToken[] | undefined;
  /**
   * How long upstream's 401 for a passthrough token is remembered, in ms (default 10 000; 0: not
   * remembered): requests with that token are answered 401 without an upstream call meanwhile.
   */
  readonly refusedTokenTtlMs?: number | undefined;
  /** Bearer token for `POST /admin/purge`; the endpoint answers 404 without one. */
  readonly adminToken?: string | undefined;
  /** HMAC key for passthrough partitions (share it between replicas). Default: random per process. */
  readonly partitionKey?: Uint8Array | undefined;
  readonly store: CacheStore;
  readonly policy: CachePolicy;
  /** Lists larger than this are cached page by page instead of as one snapshot (default 50 000). */
  readonly snapshotMaxItems?: number | undefined;
  /** Pages fetched in parallel for a snapshot (default 4). */
  readonly snapshotConcurrency?: number | undefined;
  /** Bytes of rendered bodies kept, compressed copies counted (default 32 MiB; see `splitCacheBytes`). */
  readonly renderCacheBytes?: number | undefined;
  /** Bytes of parsed entry documents kept, each counted at three times its JSON (default 32 MiB). */
  readonly docCacheBytes?: number | undefined;
  /** Bytes of exact-request aliases kept (default 4 MiB). */
  readonly aliasBytes?: number | undefined;
  /** The origin written in links (default: the request's own origin). */
  readonly publicUrl?: string | undefined;
  /** Clock in ms (default `Date.now`); tests inject one. */
  readonly now?: (() => number) | undefined;
  /** Operational logs and one access-log line per request (default: silent). */
  readonly logger?: Logger | undefined;
  /** Traces requests and upstream calls when given (an OpenTelemetry SDK must be registered). */
  readonly tracer?: Tracer | undefined;
  /** Bearer token `/metrics` requires; without one it is open (or served on its own port). */
  readonly metricsToken?: string | undefined;
  /** Serve `/metrics` on the main app (default true; false when it has a port of its own). */
  readonly metricsOnMainPort?: boolean | undefined;
}
