import { isAtlasApiError, isAtlasRequestError, isResponseShapeError } from '@atlas-checkpoints/core';
import { isUpstreamUnavailableError } from '../upstream/upstream-errors.js';
import type { CacheOutcome } from './cache-status.js';
import type { CacheEntry } from './entry.js';
import { freshness, retentionMs, ttlSeconds, type CachePolicy } from './freshness.js';
import { SingleFlight } from './single-flight.js';
import type { CacheStore } from './store.js';

/** Cache events, for metrics and logs. */
export type CacheEvent = 'hit' | 'miss' | 'stale' | 'collapsed' | 'stale-if-error' | 'refresh-error' | 'stored';

/** Options for {@link createCoordinator}. */
export interface CoordinatorOptions {
  readonly store: CacheStore;
  readonly policy: CachePolicy;
  /** Clock in ms (injectable for tests). */
  readonly now: () => number;
  /** How long a replica may hold the fetch lock for a key (default 30 s). */
  readonly lockTtlMs?: number;
  readonly onEvent?: (event: CacheEvent, key: string, error?: unknown) => void;
}

/** A cache answer: the entry to render and what happened, for `Cache-Status`. */
export interface Lookup {
  readonly entry: CacheEntry;
  readonly outcome: CacheOutcome;
}

/**
 * Produces a fresh entry from upstream (throws core's typed errors on failure); `signal`, when
 * given, aborts its upstream calls (the fill's deadline, shutdown).
 */
export type Fetcher = (signal?: AbortSignal) => Promise<CacheEntry>;

/**
 * Whether an upstream failure allows serving a stale entry (stale-if-error): network errors,
 * timeouts, 429, 5xx, bodies that do not match the schema, and upstream not called because it is
 * failing, rate-limited or saturated (the proxy's circuit breaker, `Retry-After` gate or queue).
 *
 * @example
 * isStaleable(new AtlasRequestError({ kind: 'timeout', method: 'GET', url })) // true
 */
export function isStaleable(error: unknown): boolean {
  if (isUpstreamUnavailableError(error)) return true;
  if (isAtlasRequestError(error)) return error.kind !== 'aborted';
  if (isAtlasApiError(error)) return error.status === 429 || error.status >= 500;
  return isResponseShapeError(error);
}

function failureStatus(error: unknown): number | undefined {
  return isAtlasApiError(error) ? error.status : undefined;
}

/**
 * The cache state machine: fresh → hit; stale within stale-while-revalidate → hit plus one
 * background refresh; stale within stale-if-error → refresh now, stale copy if upstream fails;
 * otherwise a miss. Concurrent fills of one key share one upstream call in process, and take a
 * store lock so replicas sharing Redis make one call between them.
 *
 * @example
 * const cache = createCoordinator({ store, policy, now: Date.now });
 * const { entry, outcome } = await cache.lookup(key, () => fetchEntry());
 */
export function createCoordinator(options: CoordinatorOptions) {
  const { store, policy, now } = options;
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  const emit = (event: CacheEvent, key: string, error?: unknown) => options.onEvent?.(event, key, error);
  const flight = new SingleFlight<{ entry: CacheEntry; remote: boolean }>();

  const fill = async (key: string, fetcher: Fetcher): Promise<{ entry: CacheEntry; collapsed: boolean }> => {
    const { promise, collapsed } = flight.run(key, async () => {
      const lock = await store.lock(key, lockTtlMs);
      if (!lock) {
        await store.waitUnlocked(key, lockTtlMs);
        const other = await store.get(key);
        if (other && freshness(other, now(), policy) === 'fresh') return { entry: other, remote: true };
      }
      try {
        const entry = await fetcher();
        await store.set(key, entry, retentionMs(policy, entry.kind));
        emit('stored', key);
        return { entry, remote: false };
      } finally {
        await lock?.release();
      }
    });
    const result = await promise;
    if (collapsed || result.remote) emit('collapsed', key);
    return { entry: result.entry, collapsed: collapsed || result.remote };
  };

  const lookup = async (key: string, fetcher: Fetcher): Promise<Lookup> => {
    const cached = await store.get(key);
    if (cached) {
      const at = now();
      const state = freshness(cached, at, policy);
      if (state === 'fresh') {
        emit('hit', key);
        return { entry: cached, outcome: { hit: true, ttl: ttlSeconds(cached, at, policy) } };
      }
      if (state === 'stale-while-revalidate') {
        emit('stale', key);
        if (!flight.has(key)) fill(key, fetcher).catch((error: unknown) => emit('refresh-error', key, error));
        return { entry: cached, outcome: { hit: true, ttl: ttlSeconds(cached, at, policy), detail: 'stale-while-revalidate' } };
      }
      if (state === 'stale-if-error') {
        try {
          const { entry, collapsed } = await fill(key, fetcher);
          return {
            entry,
            outcome: {
              fwd: 'stale',
              fwdStatus: entry.status,
              stored: !collapsed,
              collapsed,
              ttl: ttlSeconds(entry, now(), policy),
            },
          };
        } catch (error) {
          if (!isStaleable(error)) throw error;
          emit('stale-if-error', key, error);
          const outcome: CacheOutcome = {
            fwd: 'stale',
            fwdStatus: failureStatus(error),
            ttl: ttlSeconds(cached, now(), policy),
            detail: 'stale-if-error',
          };
          return { entry: cached, outcome };
        }
      }
    }
    emit('miss', key);
    const { entry, collapsed } = await fill(key, fetcher);
    return { entry, outcome: { fwd: 'miss', stored: !collapsed, collapsed, ttl: ttlSeconds(entry, now(), policy) } };
  };

  const judge = (key: string, etag: string, cached: CacheEntry | undefined): Lookup | undefined => {
    if (cached?.etag !== etag) return undefined;
    const at = now();
    if (freshness(cached, at, policy) !== 'fresh') return undefined;
    emit('hit', key);
    return { entry: cached, outcome: { hit: true, ttl: ttlSeconds(cached, at, policy) } };
  };

  /**
   * The hit path of a body rendered before: the entry under `key` if it is fresh and still has
   * `etag` (counted as a hit), else `undefined` and the caller takes `lookup`. Synchronous when the
   * store can `peek` (no promise on a memory hit).
   */
  const fresh = (key: string, etag: string): Lookup | undefined | Promise<Lookup | undefined> =>
    store.peek ? judge(key, etag, store.peek(key)) : store.get(key).then((cached) => judge(key, etag, cached));

  /**
   * Waits for the fills in flight (background refreshes included) to store their entry and
   * release their lock, for at most `timeoutMs` (default: the lock TTL, after which a held lock
   * expires anyway). Called on shutdown before the transport and the store close.
   */
  const drain = (timeoutMs = lockTtlMs): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      void flight.settled().then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  return { lookup, fresh, drain, inFlight: () => flight.size };
}

/** The cache state machine returned by {@link createCoordinator}. */
export type Coordinator = ReturnType<typeof createCoordinator>;
