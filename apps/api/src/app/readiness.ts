import type { CacheStore } from '../cache/store.js';
import type { UpstreamHealth } from '../upstream/upstream-health.js';
import type { Lifecycle } from './lifecycle.js';

/** What `/readyz` answers. */
export interface ReadinessReport {
  /** 200 while this replica can serve; 503 once it is shutting down. */
  readonly status: 200 | 503;
  readonly body: {
    /** `ready`, `degraded` (Redis unreachable: serving from the local copy and upstream) or `draining`. */
    readonly status: 'ready' | 'degraded' | 'draining';
    readonly cache: 'up' | 'down';
    readonly cacheKind: 'memory' | 'redis';
    /** Last known: an upstream answer (any status) within `reuseMs`, a failure, or nothing yet. */
    readonly upstream: 'up' | 'down' | 'unknown';
    /** The proxy's upstream circuit breaker. */
    readonly circuit: 'closed' | 'open' | 'half-open';
  };
}

/** Options for {@link createReadiness}. */
export interface ReadinessOptions {
  readonly store: CacheStore;
  readonly health: Pick<UpstreamHealth, 'state'>;
  readonly lifecycle: Pick<Lifecycle, 'state'>;
  /** One upstream check: resolves true when upstream answered at all (any HTTP status). */
  readonly probe: () => Promise<boolean>;
  /** How long an upstream answer or probe result is reused, in ms (default 5 000). */
  readonly reuseMs?: number | undefined;
  /** Longest wait for the cache backend's ping, in ms (default 1 000). */
  readonly pingTimeoutMs?: number | undefined;
  readonly now?: (() => number) | undefined;
}

/**
 * Readiness means "this replica can serve": the memory cache always can, and so can a Redis-backed
 * replica whose Redis is down (it serves its local copy and upstream, reported `degraded`). Upstream
 * state is reported, never required: stale copies keep answering through an Atlas outage, so a
 * readiness probe must not take every replica out at once. Only shutdown makes it 503.
 *
 * `/readyz` never waits for upstream: it reports what it last knew, and starts at most one upstream
 * check at a time, only when nothing has been heard from upstream for `reuseMs` (so any number of
 * probes against a hung upstream open at most one connection per `reuseMs`). The cache backend's
 * ping is shared the same way and bounded by `pingTimeoutMs`.
 *
 * @example
 * const readiness = createReadiness({ store, health, lifecycle, probe: () => checkUpstream() });
 * const { status, body } = await readiness.report();
 */
export function createReadiness(options: ReadinessOptions) {
  const reuseMs = options.reuseMs ?? 5_000;
  const pingTimeoutMs = options.pingTimeoutMs ?? 1_000;
  const now = options.now ?? Date.now;
  let probed: { up: boolean; at: number } | undefined;
  let probing: Promise<void> | undefined;
  let ping: Promise<boolean> | undefined;

  const upstream = (): 'up' | 'down' | 'unknown' => {
    const health = options.health.state();
    if (health.circuit !== 'closed') return 'down';
    // The newest thing heard: an answer or a failure of real traffic, or a probe's result.
    const answered = Math.max(health.lastAnswerAt ?? -Infinity, probed?.up ? probed.at : -Infinity);
    const failed = Math.max(health.lastFailureAt ?? -Infinity, probed && !probed.up ? probed.at : -Infinity);
    const newest = Math.max(answered, failed);
    if (now() - newest >= reuseMs) {
      probing ??= options
        .probe()
        .catch(() => false)
        .then((up) => {
          probed = { up, at: now() };
        })
        .finally(() => {
          probing = undefined;
        });
    }
    if (newest === -Infinity) return 'unknown';
    return answered >= failed ? 'up' : 'down';
  };

  const cacheUp = async (): Promise<boolean> => {
    if (options.store.kind === 'memory') return true;
    ping ??= options.store
      .ping()
      .catch(() => false)
      .finally(() => {
        ping = undefined;
      });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(options.store.healthy()), pingTimeoutMs);
    });
    try {
      return await Promise.race([ping, late]);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    /** The `/readyz` answer. */
    async report(): Promise<ReadinessReport> {
      const cache = await cacheUp();
      const draining = options.lifecycle.state !== 'serving';
      return {
        status: draining ? 503 : 200,
        body: {
          cache: cache ? 'up' : 'down',
          cacheKind: options.store.kind,
          circuit: options.health.state().circuit,
          status: draining ? 'draining' : cache ? 'ready' : 'degraded',
          upstream: upstream(),
        },
      };
    },
  };
}

/** The readiness returned by {@link createReadiness}. */
export type Readiness = ReturnType<typeof createReadiness>;
