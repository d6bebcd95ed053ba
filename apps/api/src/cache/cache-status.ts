/** The cache name used in `Cache-Status` (RFC 9211). */
const CACHE_NAME = 'atlas-checkpoints-proxy';

/** What happened to a request in the cache, rendered as an RFC 9211 `Cache-Status` member. */
export interface CacheOutcome {
  /** Served from the cache without going upstream. */
  readonly hit?: boolean;
  /** Why it went (or is going) upstream. */
  readonly fwd?: 'miss' | 'stale' | 'bypass' | undefined;
  /** Upstream status when forwarded. */
  readonly fwdStatus?: number | undefined;
  /** Joined another request's upstream call. */
  readonly collapsed?: boolean | undefined;
  /** Remaining freshness in seconds (negative when stale). */
  readonly ttl?: number | undefined;
  /** The response was stored. */
  readonly stored?: boolean | undefined;
  /** Free-form detail, e.g. `stale-if-error`, `cache-unavailable`. */
  readonly detail?: string | undefined;
}

/**
 * Formats a `Cache-Status` header value.
 *
 * @example
 * cacheStatus({ hit: true, ttl: 42 }) // 'atlas-checkpoints-proxy; hit; ttl=42'
 */
export function cacheStatus(outcome: CacheOutcome): string {
  let out = CACHE_NAME;
  if (outcome.hit) out += '; hit';
  if (outcome.fwd) out += `; fwd=${outcome.fwd}`;
  if (outcome.fwdStatus !== undefined) out += `; fwd-status=${outcome.fwdStatus}`;
  if (outcome.stored) out += '; stored';
  if (outcome.collapsed) out += '; collapsed';
  if (outcome.ttl !== undefined) out += `; ttl=${outcome.ttl}`;
  if (outcome.detail) out += `; detail=${outcome.detail}`;
  return out;
}
