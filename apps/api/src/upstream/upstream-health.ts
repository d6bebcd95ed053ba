import {
  AtlasApiError,
  AtlasRequestError,
  formatRetryAfter,
  isAtlasApiError,
  isAtlasRequestError,
} from '@atlas-checkpoints/core';
import {
  bulkhead,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  isBrokenCircuitError,
  isBulkheadRejectedError,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { LRUCache } from 'lru-cache';
import { RecordingBackoff, RetryAfterBackoff } from './health-backoff.js';
import { isUpstreamEncodingError, isUpstreamRedirectError, UpstreamUnavailableError } from './upstream-errors.js';

/** Options for {@link createUpstreamHealth}. */
export interface UpstreamHealthOptions {
  /** Longest fill, queue wait and retries included, in ms (`--upstream-timeout`). */
  readonly timeoutMs: number;
  /** Fills running at once (`--upstream-concurrency`). */
  readonly concurrency: number;
  /** Fills waiting for a slot; one more is refused with 503 + `Retry-After` (`--upstream-queue`). */
  readonly queue: number;
  /** Retries of a fill that failed with a network error or 500/502/503/504 (`--upstream-retries`). */
  readonly retries: number;
  /** Consecutive failed fills that open the circuit (default 5). */
  readonly failureThreshold?: number | undefined;
  /** First and longest wait before a half-open probe, in ms (default 1 s and 30 s, doubling). */
  readonly halfOpenAfterMs?: { readonly initial: number; readonly max: number } | undefined;
  /** Longest `Retry-After` honoured, in ms (default 1 h); a longer one is cut to this. */
  readonly maxRetryAfterMs?: number | undefined;
  /** Aborts every fill (shutdown). */
  readonly signal?: AbortSignal | undefined;
  /** Called when the circuit or a `Retry-After` gate opens or closes. */
  readonly onChange?: ((change: { what: 'circuit' | 'retry-after'; identity?: string; open: boolean }) => void) | undefined;
}

/** What {@link UpstreamHealth.state} reports. */
export interface UpstreamHealthState {
  readonly circuit: 'closed' | 'open' | 'half-open';
  /** Epoch ms the open circuit allows a probe again. */
  readonly circuitOpenUntil?: number | undefined;
  /** Identities whose `Retry-After` is running. */
  readonly retryAfter: number;
  /** Fills running and waiting. */
  readonly active: number;
  readonly queued: number;
  /** Epoch ms of the last fill that got an answer from upstream (any status), and of the last failure. */
  readonly lastAnswerAt?: number | undefined;
  readonly lastFailureAt?: number | undefined;
}

/** A failure that says upstream is unwell: network errors, timeouts and 5xx (not 4xx, not a body that does not match its schema). */
function isUpstreamFailure(error: unknown): boolean {
  if (isAtlasRequestError(error)) return error.kind !== 'aborted';
  if (isUpstreamRedirectError(error)) return true;
  return isAtlasApiError(error) && error.status >= 500 && error.retryAfterMs === undefined;
}

/** What a `Retry-After` gate closes on: 429, and a 503 that says when to come back. */
function asksToWait(error: unknown): boolean {
  return isAtlasApiError(error) && (error.status === 429 || (error.status === 503 && error.retryAfterMs !== undefined));
}

/**
 * Worth one more attempt within the deadline: a network error (not a redirect or an encoding the
 * proxy cannot decode: those would only repeat) or 500/502/503/504 without `Retry-After`.
 */
function isRetryable(error: unknown): boolean {
  if (isAtlasRequestError(error)) {
    return error.kind === 'network' && !isUpstreamRedirectError(error.cause) && !isUpstreamEncodingError(error.cause);
  }
  return isAtlasApiError(error) && [500, 502, 503, 504].includes(error.status) && error.retryAfterMs === undefined;
}

/**
 * One view of upstream health, shared by every request to one upstream (cockatiel policies):
 *
 * - a deadline per fill (`timeoutMs`, queue wait and retries included);
 * - a bulkhead: `concurrency` fills at once, `queue` waiting, the rest refused at once with
 *   {@link UpstreamUnavailableError} `queue-full`;
 * - retries of network errors and 5xx with jittered backoff, within the deadline;
 * - a `Retry-After` gate per upstream identity (the proxy's credential, or one passthrough
 *   token): a 429 (or a 503 with `Retry-After`) closes it for everyone using that identity until
 *   the time Atlas gave; then one probe goes, and the others keep failing fast until it answers;
 * - a circuit breaker: after `failureThreshold` consecutive failed fills (network, timeout, 5xx)
 *   no call goes upstream until a half-open probe (after 1 s, doubling to 30 s) succeeds.
 *
 * While a gate or the circuit is not closed, a fill fails at once (the rate limit's own 429, or
 * `circuit-open` with the time left), so a request holding a stale copy is answered from it
 * immediately.
 *
 * @example
 * const health = createUpstreamHealth({ timeoutMs: 10_000, concurrency: 16, queue: 64, retries: 1 });
 * const entry = await health.fill('proxy', () => client.listClusters({ groupId }));
 */
export function createUpstreamHealth(options: UpstreamHealthOptions) {
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 3_600_000;
  const halfOpen = options.halfOpenAfterMs ?? { initial: 1_000, max: 30_000 };
  const circuitBackoff = new RecordingBackoff(new ExponentialBackoff({ initialDelay: halfOpen.initial, maxDelay: halfOpen.max }));
  const circuit = circuitBreaker(handleWhen(isUpstreamFailure), {
    halfOpenAfter: circuitBackoff,
    breaker: new ConsecutiveBreaker(options.failureThreshold ?? 5),
  });
  circuit.onBreak(() => options.onChange?.({ what: 'circuit', open: true }));
  circuit.onReset(() => options.onChange?.({ what: 'circuit', open: false }));
  const slots = bulkhead(Math.max(1, options.concurrency), Math.max(0, options.queue));
  const retries = retry(handleWhen(isRetryable), {
    maxAttempts: Math.max(0, options.retries),
    backoff: new ExponentialBackoff({ initialDelay: 100, maxDelay: 1_000 }),
  });
  const deadline = timeout(Math.max(1, options.timeoutMs), TimeoutStrategy.Aggressive);
  const gates = new LRUCache<string, { policy: CircuitBreakerPolicy; backoff: RetryAfterBackoff }>({ max: 10_000 });
  let lastAnswerAt: number | undefined;
  let lastFailureAt: number | undefined;

  const gateOf = (identity: string) => {
    let gate = gates.get(identity);
    if (!gate) {
      const backoff = new RetryAfterBackoff(maxRetryAfterMs);
      const policy = circuitBreaker(handleWhen(asksToWait), { halfOpenAfter: backoff, breaker: new ConsecutiveBreaker(1) });
      policy.onBreak(() => options.onChange?.({ what: 'retry-after', identity, open: true }));
      policy.onReset(() => options.onChange?.({ what: 'retry-after', identity, open: false }));
      gate = { policy, backoff };
      gates.set(identity, gate);
    }
    return gate;
  };

  /** The fast answer while the gate or the circuit is not closed, else `undefined`. */
  const refusal = (gate: { policy: CircuitBreakerPolicy; backoff: RetryAfterBackoff }, probing: boolean): Error | undefined => {
    const now = Date.now();
    const gateState = gate.policy.state;
    if (gateState === CircuitState.HalfOpen || (gateState === CircuitState.Open && (!probing || now < gate.backoff.until))) {
      const last = gate.policy.lastFailure;
      const error = last && 'error' in last ? last.error : undefined;
      const waitMs = Math.max(gate.backoff.until - now, 0);
      if (!isAtlasApiError(error)) return new UpstreamUnavailableError('circuit-open', waitMs);
      return new AtlasApiError({
        status: error.status,
        method: error.method,
        url: error.url,
        body: error.body,
        retryAfterMs: waitMs,
        headers: { ...error.headers, 'retry-after': formatRetryAfter(Math.max(1_000, waitMs)) },
      });
    }
    const state = circuit.state;
    if (state === CircuitState.HalfOpen || (state === CircuitState.Open && (!probing || now < circuitBackoff.until))) {
      return new UpstreamUnavailableError('circuit-open', Math.max(circuitBackoff.until - now, 0));
    }
    return undefined;
  };

  const deadlineError = () =>
    new AtlasRequestError({
      method: 'GET',
      url: 'upstream',
      kind: 'timeout',
      message: `upstream fill took longer than ${options.timeoutMs} ms`,
    });
  const translate = (error: unknown): unknown => {
    if (isBulkheadRejectedError(error)) return new UpstreamUnavailableError('queue-full', 1_000);
    // cockatiel 3.2.1's isTaskCancelledError tests the wrong marker: check the class.
    if (error instanceof TaskCancelledError) {
      return options.signal?.aborted ? new UpstreamUnavailableError('shutting-down', 1_000) : deadlineError();
    }
    return error;
  };

  /**
   * Runs one upstream fill for `identity` (`proxy` or a passthrough partition) under every policy
   * above; `run` gets the fill's signal, which its upstream calls must carry (the deadline and
   * shutdown abort it).
   */
  const fill = async <T>(identity: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (options.signal?.aborted) throw new UpstreamUnavailableError('shutting-down', 1_000);
    const gate = gateOf(identity);
    const early = refusal(gate, true);
    if (early) throw early;
    // The circuit sees whole fills (retries inside it): `failureThreshold` failed fills open it, as
    // documented, not that many attempts. The gate sees each attempt: a 429 closes it at once.
    const policy = wrap(deadline, slots, circuit, retries, gate.policy);
    try {
      return await policy.execute(async ({ signal }) => {
        if (signal.aborted) throw new TaskCancelledError();
        try {
          const value = await run(signal);
          lastAnswerAt = Date.now();
          return value;
        } catch (raw) {
          // Aborted by the deadline (not by shutdown): upstream did not answer in time, which the
          // circuit counts as a failure (the caller has already been answered by the deadline).
          const error = signal.aborted && !options.signal?.aborted ? deadlineError() : raw;
          if (isAtlasApiError(error)) lastAnswerAt = Date.now();
          if (isUpstreamFailure(error) || asksToWait(error)) lastFailureAt = Date.now();
          throw error;
        }
      }, options.signal);
    } catch (error) {
      if (isBrokenCircuitError(error)) throw refusal(gate, false) ?? new UpstreamUnavailableError('circuit-open', 1_000);
      throw translate(error);
    }
  };

  const state = (): UpstreamHealthState => {
    const s = circuit.state;
    return {
      circuit: s === CircuitState.Closed ? 'closed' : s === CircuitState.HalfOpen ? 'half-open' : 'open',
      circuitOpenUntil: s === CircuitState.Open ? circuitBackoff.until : undefined,
      retryAfter: [...gates.values()].filter((gate) => gate.policy.state !== CircuitState.Closed).length,
      active: Math.max(1, options.concurrency) - slots.executionSlots,
      queued: Math.max(0, options.queue) - slots.queueSlots,
      lastAnswerAt,
      lastFailureAt,
    };
  };

  return {
    fill,
    state,
    /** Forgets the `Retry-After` gate of an identity (a passthrough token the proxy drops). */
    forget: (identity: string) => void gates.delete(identity),
    /** Notes an answer seen outside a fill (a forwarded request or a readiness probe). */
    noteAnswer: () => void (lastAnswerAt = Date.now()),
  };
}

/** The health view returned by {@link createUpstreamHealth}. */
export type UpstreamHealth = ReturnType<typeof createUpstreamHealth>;
