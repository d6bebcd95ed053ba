import { isAtlasApiError } from '@atlas-checkpoints/core';
import type { IBackoff, IBackoffFactory, IHalfOpenAfterBackoffContext } from 'cockatiel';

type Context = IHalfOpenAfterBackoffContext;

/**
 * Wraps a circuit breaker's half-open backoff and records when the open circuit lets a probe
 * through (`until`, epoch ms), which a refused caller is told in `Retry-After`.
 */
export class RecordingBackoff implements IBackoffFactory<Context> {
  /** Epoch ms the breaker may probe again. */
  until = 0;

  constructor(private readonly inner: IBackoffFactory<Context>) {}

  next(context: Context): IBackoff<Context> {
    return this.record(this.inner.next(context));
  }

  private record(backoff: IBackoff<Context>): IBackoff<Context> {
    this.until = Date.now() + backoff.duration;
    return { duration: backoff.duration, next: (context) => this.record(backoff.next(context)) };
  }
}

/**
 * The half-open delay of a `Retry-After` gate: the `Retry-After` Atlas sent with the answer that
 * opened it (RFC 9110 §10.2.3; parsed by core's client into `retryAfterMs`), at most `maxMs`;
 * without one, 1 s doubling to 60 s. Records `until` like {@link RecordingBackoff}.
 */
export class RetryAfterBackoff implements IBackoffFactory<Context> {
  until = 0;

  constructor(private readonly maxMs: number) {}

  next(context: Context): IBackoff<Context> {
    const error = 'error' in context.result ? context.result.error : undefined;
    const asked = isAtlasApiError(error) ? error.retryAfterMs : undefined;
    const duration = Math.min(asked ?? 1_000 * 2 ** Math.min(context.attempt - 1, 6), this.maxMs);
    this.until = Date.now() + duration;
    return { duration, next: (next) => this.next(next) };
  }
}
