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
  /**
   * The origin written in links (default: the request's own origin): `http(s)://host[:port]`, one
   * trailing `/` tolerated, normalised by {@link publicOrigin}. {@link createProxy} throws
   * {@link ProxyOptionsError} for anything else (a path, a query, userinfo, another scheme, …).
   */
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

/** An option {@link createProxy} cannot use: `option` names it, the message says why in one line. */
export class ProxyOptionsError extends Error {
  override name = 'ProxyOptionsError' as const;
  constructor(
    /** The option at fault (`publicUrl`). */
    readonly option: keyof ProxyOptions,
    message: string,
  ) {
    super(message);
  }
}

const SHAPE = /^([A-Za-z][A-Za-z\d+.-]*):\/\/([^/?#]*)\/?(.*)$/s;

/**
 * The origin links are written with, from a configured public URL (`publicUrl`, `--public-url`):
 * `http` or `https`, a host and an optional port, one trailing `/` tolerated; normalised as the
 * WHATWG URL `origin` (scheme and host lower-case, IDN host in punycode, default port dropped).
 *
 * @param value - the configured URL
 * @param name - how the message names the setting (`publicUrl`, `--public-url`, an env var)
 * @throws {ProxyOptionsError} (option `publicUrl`) for anything else: another scheme, userinfo, a
 *   path, a query or a fragment, whitespace, control characters or backslashes, an invalid host,
 *   port 0 or a port above 65535. The message is one line; it never repeats a userinfo.
 *
 * @example
 * publicOrigin('HTTPS://Proxy.Example.com:443/') // 'https://proxy.example.com'
 * publicOrigin('https://proxy.example.com/api') // throws ProxyOptionsError: publicUrl must be an origin …
 */
export function publicOrigin(value: string, name = 'publicUrl'): string {
  const refuse = (why: string, shown: string = JSON.stringify(value)) =>
    new ProxyOptionsError('publicUrl', `${name} must be an origin, http(s)://host[:port], not ${shown}: ${why}`);
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  if (/[\u0000-\u0020\u007f\\]/.test(value)) throw refuse('it holds whitespace, a control character or a backslash');
  const shape = SHAPE.exec(value);
  if (!shape) throw refuse('it is not an absolute URL');
  const [, scheme = '', authority = '', rest = ''] = shape;
  if (!/^https?$/i.test(scheme)) throw refuse(`it uses ${scheme.toLowerCase()}: (http or https only)`);
  if (authority.includes('@')) throw refuse('it holds a user name or password', 'that URL');
  if (rest !== '') {
    const part = rest.startsWith('?') ? 'a query' : rest.startsWith('#') ? 'a fragment' : 'a path';
    throw refuse(`it has ${part} (links are written at the origin)`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('its host or port is invalid');
  }
  if (url.port === '0') throw refuse('port 0 is not one a client can reach');
  return url.origin;
}
