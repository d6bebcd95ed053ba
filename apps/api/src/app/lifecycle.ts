import { wireErrorAnswer } from '../http/proxy-errors.js';
import { upstreamProxyError, UpstreamUnavailableError } from '../upstream/upstream-errors.js';

/**
 * The serving state of one proxy: `serving`, then `draining` (readiness says 503, requests are
 * still served, each answer asks its connection to close), then `stopped` (every request still
 * running has been answered 503 and upstream work aborted).
 *
 * @example
 * const life = createLifecycle();
 * const response = life.track(handler(request)); // answered 503 if still running at `stop()`
 */
export function createLifecycle() {
  let state: 'serving' | 'draining' | 'stopped' = 'serving';
  const abort = new AbortController();
  const pending = new Set<(response: Response) => void>();

  const shuttingDown = (): Response => {
    const error = upstreamProxyError(new UpstreamUnavailableError('shutting-down', 1_000));
    if (!error) throw new Error('unreachable');
    return wireErrorAnswer(error);
  };

  return {
    /** `serving`, `draining` or `stopped`. */
    get state() {
      return state;
    },
    /** Aborted by {@link stop}: every upstream fill and request listens to it. */
    signal: abort.signal,
    /** Readiness turns 503; requests keep being served (their connections asked to close). */
    startDraining(): void {
      if (state === 'serving') state = 'draining';
    },
    /**
     * Ends it: every request still running is answered with an Atlas-shaped 503
     * (`SERVICE_UNAVAILABLE`, `Retry-After`, `Connection: close`) and upstream work is aborted.
     */
    stop(): void {
      state = 'stopped';
      for (const answer of [...pending]) answer(shuttingDown());
      pending.clear();
      abort.abort(new Error('the proxy is shutting down'));
    },
    /**
     * The response of a request that did not answer synchronously, or the 503 above if
     * {@link stop} comes first. After `stop()`, a new request gets the 503 at once.
     */
    track(response: Promise<Response>): Promise<Response> {
      if (state === 'stopped') return Promise.resolve(shuttingDown());
      return new Promise<Response>((resolve, reject) => {
        let settled = false;
        const answer = (value: Response) => {
          if (settled) return;
          settled = true;
          pending.delete(answer);
          resolve(value);
        };
        pending.add(answer);
        response.then(answer, (error: unknown) => {
          if (settled) return;
          settled = true;
          pending.delete(answer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
    },
    /** Requests running now (answered asynchronously and not yet answered). */
    inFlight: () => pending.size,
  };
}

/** The lifecycle returned by {@link createLifecycle}. */
export type Lifecycle = ReturnType<typeof createLifecycle>;
