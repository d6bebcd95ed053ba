/** Statuses a GET is retried on. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * Exponential backoff with full jitter: a random wait in [0, min(max, base * 2^retry)).
 *
 * @example
 * backoffDelay(2, 500, 30_000, () => 0.5) // 1000
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
  return Math.floor(ceiling * Math.min(Math.max(random(), 0), 1));
}
