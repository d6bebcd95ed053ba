import { bulkhead, isBulkheadRejectedError } from 'cockatiel';
import { LRUCache } from 'lru-cache';
import { UpstreamUnavailableError } from '../upstream/upstream-errors.js';

/** Options for {@link createTokenRefusals}. */
export interface TokenRefusalOptions {
  /** How long a 401 for a partition is remembered, in ms (0: not remembered). */
  readonly ttlMs: number;
  /** Clock in ms. */
  readonly now: () => number;
  /** Partitions remembered at most, refused and accepted each (default 50 000: a few MB). */
  readonly max?: number;
  /**
   * Requests of callers upstream has not accepted yet (tokens not seen answered, forwarded
   * requests other than a Digest user's seen answered) that may run at once (default 4), and wait beyond those (default 64); the rest are
   * refused at once with `queue-full`. Set below the upstream concurrency, so such callers never
   * hold more than this share of it, nor any place in its queue, whatever their number.
   */
  readonly unverified?: { readonly concurrency: number; readonly queue: number } | undefined;
}

/**
 * What upstream said about passthrough tokens, by partition (an HMAC of the token, never the
 * token): a 401 is remembered for `ttlMs`, so repeated requests with a refused (or made-up) token
 * are answered 401 without going upstream; and a token upstream has not accepted yet makes one
 * upstream call at a time, so a burst of one garbage token costs one call per window, not one per
 * request. Both maps are bounded LRUs: a flood of distinct tokens cannot grow memory. And all
 * unverified callers together share a small budget of their own (`unverified`), so a flood of
 * distinct made-up tokens, each one call, cannot fill the upstream queue the verified callers use.
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
  const budget = bulkhead(Math.max(1, options.unverified?.concurrency ?? 4), Math.max(0, options.unverified?.queue ?? 64));
  /**
   * Runs `run` within the unverified callers' budget.
   * @throws {UpstreamUnavailableError} `queue-full` (retry after 1 s) when the budget is full.
   */
  const unverified = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await budget.execute(() => run());
    } catch (error) {
      throw isBulkheadRejectedError(error) ? new UpstreamUnavailableError('queue-full', 1_000) : error;
    }
  };
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
    /** Whether upstream answered this partition's token (or Digest user) with a success before. */
    accepted: (partition: string): boolean => accepted.has(partition),
    /** Upstream answered this partition's token with a success. */
    accept(partition: string): void {
      if (!accepted.has(partition)) accepted.set(partition, true);
    },
    unverified,
    /**
     * Runs `run` (a request that may go upstream) for a partition: at once if upstream accepted
     * its token before; otherwise within the unverified budget, after any request of the same
     * partition already in flight, and `onRefused()` instead of `run` if that one's token was
     * refused meanwhile.
     * @throws {UpstreamUnavailableError} `queue-full` when the unverified budget is full.
     */
    async probe<T>(partition: string, run: () => Promise<T>, onRefused: () => T): Promise<T> {
      if (accepted.has(partition)) return run();
      const prior = probes.get(partition);
      if (prior !== undefined) {
        await prior.catch(() => undefined);
        if (refused(partition)) return onRefused();
        return accepted.has(partition) ? run() : unverified(run);
      }
      const running = unverified(run);
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
