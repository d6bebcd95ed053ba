/** Token bucket settings: `capacity` requests, refilled at `refillPerSecond`. */
export interface RateLimitOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/** The result of taking one token. */
interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until a token is available (when not allowed). */
  readonly retryAfterSeconds: number;
}

/** A token bucket. */
export interface TokenBucket {
  take(): RateLimitDecision;
}

/**
 * A token bucket rate limiter over an injectable clock.
 *
 * @example
 * const bucket = createTokenBucket({ capacity: 100, refillPerSecond: 10 }, Date.now);
 * bucket.take().allowed; // true
 */
export function createTokenBucket(options: RateLimitOptions, now: () => number): TokenBucket {
  const { capacity, refillPerSecond } = options;
  if (!(capacity >= 1) || !(refillPerSecond > 0)) throw new RangeError('rateLimit needs capacity >= 1 and refillPerSecond > 0');
  let tokens = capacity;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(capacity, tokens + ((t - last) / 1000) * refillPerSecond);
      last = t;
      if (tokens >= 1) {
        tokens -= 1;
        return { allowed: true, limit: capacity, remaining: Math.floor(tokens), retryAfterSeconds: 0 };
      }
      return {
        allowed: false,
        limit: capacity,
        remaining: 0,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)),
      };
    },
  };
}
