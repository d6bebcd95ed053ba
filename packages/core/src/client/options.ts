import type { AtlasAuth } from '../auth/types.js';
import type { VersionPins } from './operation-types.js';
import type { Sleep } from './sleep.js';

/**
 * Retry policy of a client. Only GETs are retried: network errors, per-attempt timeouts, 429, 500, 502, 503, 504.
 *
 * @example
 * createAtlasClient({ retry: { limit: 5, maxRetryAfterMs: 10_000 } });
 * createAtlasClient({ retry: { sleep: async () => {}, random: () => 0.5 } }); // deterministic tests
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 disables retries). */
  limit?: number;
  /** Longest `Retry-After` honoured (default 60 000 ms); a longer one fails at once with the 429/503. */
  maxRetryAfterMs?: number;
  /** First backoff ceiling (default 500 ms); doubles per retry, full jitter. */
  backoffBaseMs?: number;
  /** Largest backoff ceiling (default 30 000 ms). */
  backoffMaxMs?: number;
  /** Random source in [0, 1) for the jitter (default `Math.random`); for tests. */
  random?: () => number;
  /** How the client waits between attempts (default an abortable `setTimeout`); for tests. */
  sleep?: Sleep;
  /** Clock in ms for `Retry-After` dates and the deadline (default `Date.now`); for tests. */
  now?: () => number;
}

/**
 * What `onResponse` learns about each HTTP response (every attempt, including auth retries).
 *
 * @example
 * createAtlasClient({ onResponse: ({ status, headers, durationMs }) => log(status, headers.get('cache-status'), durationMs) });
 */
export interface ResponseInfo {
  method: string;
  /** The request URL, credentials redacted. */
  url: string;
  status: number;
  headers: Headers;
  durationMs: number;
  /** 1 for the first HTTP request of a call, then 2, 3, … across retries and auth challenges. */
  attempt: number;
}

/**
 * Options of `createAtlasClient`.
 *
 * @example
 * const options: AtlasClientOptions = { baseUrl: fake.baseUrl, fetch: fake.fetch, retry: 0, timeout: 5_000 };
 */
export interface AtlasClientOptions {
  /** Default `https://cloud.mongodb.com`. */
  baseUrl?: string | undefined;
  /** Default `none()`. */
  auth?: AtlasAuth | undefined;
  /**
   * The transport (a fake Atlas, a proxy's upstream); may return a Response synchronously. Default
   * `globalThis.fetch`, or undici's `fetch` through an `EnvHttpProxyAgent` when `HTTPS_PROXY` /
   * `HTTP_PROXY` is set (`NO_PROXY` honoured).
   */
  fetch?: ((input: Request, init?: RequestInit) => Promise<Response> | Response) | typeof globalThis.fetch | undefined;
  /** A retry limit, or the full policy. */
  retry?: number | RetryOptions | undefined;
  /** Per-attempt timeout in ms (default 30 000). */
  timeout?: number | undefined;
  /** Overall limit per call, retries and waits included, in ms (default 120 000). */
  deadline?: number | undefined;
  /**
   * The API version each operation is called with. Default: the newest version core knows for
   * each operation. A map pins methods (`{ listClusters: '2023-02-01' }`); a date pins every
   * operation the way Atlas resolves `Accept` (the newest version not later than the date).
   */
  apiVersion?: string | VersionPins | undefined;
  /** Default `@atlas-checkpoints/core/<version>`. */
  userAgent?: string | undefined;
  /** Called after every HTTP response (e.g. to show a proxy's `Cache-Status`); its errors are ignored. */
  onResponse?: ((info: ResponseInfo) => void) | undefined;
  /**
   * Called once per operation (per client) when a response says the operation or its version is
   * deprecated (`Deprecation`, `Sunset` headers); its errors are ignored.
   */
  onDeprecation?: ((notice: DeprecationNotice) => void) | undefined;
}

/**
 * What `onDeprecation` learns: which operation and version Atlas deprecated, and the dates the
 * response gave (`Deprecation`, RFC 9745; `Sunset`, RFC 8594), when it gave them.
 *
 * @example
 * createAtlasClient({ onDeprecation: ({ operationId, sunset }) => warn(`${operationId} is deprecated${sunset ? `, gone on ${sunset.toISOString().slice(0, 10)}` : ''}`) });
 */
export interface DeprecationNotice {
  /** The spec's `operationId`, e.g. `listGroupClusterBackupCheckpoints`. */
  operationId: string;
  /** Core's method name, e.g. `listClusterBackupCheckpoints`. */
  method: string;
  /** The API version the call asked for. */
  apiVersion: string;
  /** When it was deprecated, when the response said. */
  deprecation: Date | undefined;
  /** When it stops being served, when the response said. */
  sunset: Date | undefined;
  /** The request URL, credentials redacted. */
  url: string;
}
