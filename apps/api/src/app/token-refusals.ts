import { LRUCache } from 'lru-cache';

/** Options for {@link createTokenRefusals}. */
export interface TokenRefusalOptions {
  /** How long a 401 for a partition is remembered, in ms (0: not remembered). */
  readonly ttlMs: number;
  /** Clock in ms. */
  readonly now: () => number;
  /** Partitions remembered at most, refused and accepted each (default 50 000: a few MB). */
  readonly max?: number;
}

/**
 * What upstream said about passthrough tokens, by partition (an HMAC of the token, never the
 * token): a 401 is remembered for `ttlMs`, so repeated requests with a refused (or made-up) token
 * are answered 401 without going upstream; and a token upstream has not accepted yet makes one
 * upstream call at a time, so a burst of one garbage token costs one call per window, not one per
 * request. Both maps are bounded LRUs: a flood of distinct tokens cannot grow memory.
 *
 * @example
 * const refusals = createTokenRefusals({ ttlMs: 10_000, now: Date.now });
 * if (refusals.refused(partition)) throw proxyErrors.unauthorized();
 * const response = await refusals.probe(partition, () => serveFromUpstream());
 */
export function createTokenRefusals(options: TokenRefusalOptions) {
  const max = options.max ?? 50_000;
  const refusedUntil = new LRUCache<string, number>({ max });
  const accepted = new LRUCache<string, true>({ max });
  const probes = new Map<string, Promise<unknown>>();
  const refused = (partition: string): boolean => {
    const until = refusedUntil.get(partition);
    if (until === undefined) return false;
    if (until > options.now()) return true;
    refusedUntil.delete(partition);
    return false;
  };
  return {
    /** Whether upstream refused this partition's token within the window. */
    refused,
    /** Upstream answered 401 for this partition's token. */
    refuse(partition: string): void {
      accepted.delete(partition);
      if (options.ttlMs > 0) refusedUntil.set(partition, options.now() + options.ttlMs);
    },
    /** Upstream answered this partition's token with a success. */
    accept(partition: string): void {
      if (!accepted.has(partition)) accepted.set(partition, true);
    },
    /**
     * Runs `run` (a request that may go upstream) for a partition: at once if upstream accepted
     * its token before; otherwise after any request of the same partition already in flight, and
     * `onRefused()` instead of `run` if that one's token was refused meanwhile.
     */
    async probe<T>(partition: string, run: () => Promise<T>, onRefused: () => T): Promise<T> {
      if (accepted.has(partition)) return run();
      const prior = probes.get(partition);
      if (prior !== undefined) {
        await prior.catch(() => undefined);
        return refused(partition) ? onRefused() : run();
      }
      const running = run();
      probes.set(partition, running);
      try {
        return await running;
      } finally {
        if (probes.get(partition) === running) probes.delete(partition);
      }
    },
  };
}

/** The refusal memory returned by {@link createTokenRefusals}. */
export type TokenRefusals = ReturnType<typeof createTokenRefusals>;
