import type { CacheEntry } from './entry.js';

/** How long entries stay usable, in milliseconds. */
export interface CachePolicy {
  /** Fresh for this long. */
  readonly ttlMs: number;
  /** After `ttlMs`, served stale while one background refresh runs, for this long. */
  readonly staleWhileRevalidateMs: number;
  /** After `ttlMs`, served stale when upstream fails (network, timeout, 429, 5xx), for this long. */
  readonly staleIfErrorMs: number;
  /** Negative (404) entries are fresh for this long; never served stale. */
  readonly negativeTtlMs: number;
  /**
   * Answers holding a document that may still change (a running restore job) are fresh for this
   * long instead of `ttlMs` (the shorter of the two applies). Default 10 s.
   */
  readonly changingTtlMs?: number | undefined;
}

/** The default of `CachePolicy.changingTtlMs`: 10 s, a poll interval that shows a restore job moving. */
export const DEFAULT_CHANGING_TTL_MS = 10_000;

/** How long an entry is fresh: its own `ttlMs` when it has one (never longer than the policy's), else the policy's. */
function lifetime(entry: CacheEntry, policy: CachePolicy): number {
  if (entry.kind === 'error') return policy.negativeTtlMs;
  return entry.ttlMs === undefined ? policy.ttlMs : Math.min(entry.ttlMs, policy.ttlMs);
}

/**
 * The state of an entry at a point in time:
 * - `fresh`: serve it.
 * - `stale-while-revalidate`: serve it and refresh in the background (RFC 5861 §3).
 * - `stale-if-error`: refresh now; serve it only if upstream fails.
 * - `expired`: unusable.
 */
export type Freshness = 'fresh' | 'stale-while-revalidate' | 'stale-if-error' | 'expired';

/**
 * Classifies an entry's freshness.
 *
 * @example
 * freshness(entry, Date.now(), policy) // 'fresh'
 */
export function freshness(entry: CacheEntry, now: number, policy: CachePolicy): Freshness {
  const age = Math.max(0, now - entry.storedAt);
  if (entry.kind === 'error') return age < policy.negativeTtlMs ? 'fresh' : 'expired';
  const ttl = lifetime(entry, policy);
  if (age < ttl) return 'fresh';
  const staleFor = age - ttl;
  if (staleFor < policy.staleWhileRevalidateMs) return 'stale-while-revalidate';
  if (staleFor < policy.staleIfErrorMs) return 'stale-if-error';
  return 'expired';
}

/**
 * How long a store keeps an entry: long enough for every stale use.
 *
 * @example
 * retentionMs(policy) // ttl + max(swr, sie)
 */
export function retentionMs(policy: CachePolicy, kind: CacheEntry['kind'] = 'doc'): number {
  if (kind === 'error') return Math.max(1, policy.negativeTtlMs);
  return Math.max(1, policy.ttlMs + Math.max(policy.staleWhileRevalidateMs, policy.staleIfErrorMs));
}

/** Whole seconds since the entry was stored (the `Age` header). */
export function ageSeconds(entry: CacheEntry, now: number): number {
  return Math.max(0, Math.floor((now - entry.storedAt) / 1000));
}

/** Seconds of freshness left (negative once stale), for `Cache-Status: ttl=`. */
export function ttlSeconds(entry: CacheEntry, now: number, policy: CachePolicy): number {
  return Math.floor((entry.storedAt + lifetime(entry, policy) - now) / 1000);
}
