/** One run of an async job that many callers can wait on, each with its own abort signal. */
export interface SharedTask<T> {
  /** Settles when the job does, or rejects early with `abortError` when `signal` aborts first. */
  join(signal?: AbortSignal): Promise<T>;
  /** The job itself, unaffected by any waiter's signal. */
  readonly promise: Promise<T>;
  /** True once every waiter left and the job was aborted: a new caller must start a fresh run. */
  readonly cancelled: boolean;
}

/**
 * Starts `run` once and lets any number of callers wait on it (single flight). Each waiter may
 * leave early through its own signal; the job's own signal aborts only when every waiter has left,
 * so one impatient caller never fails the others.
 *
 * @example
 * const task = startSharedTask((signal) => fetchToken(signal), (reason) => new Error('aborted'));
 * const [a, b] = await Promise.all([task.join(s1), task.join(s2)]); // one fetchToken call
 */
export function startSharedTask<T>(
  run: (signal: AbortSignal) => Promise<T>,
  abortError: (reason: unknown) => Error,
): SharedTask<T> {
  const controller = new AbortController();
  let waiters = 0;
  let settled = false;
  const promise = run(controller.signal).finally(() => {
    settled = true;
  });
  // Waiters that left early must not turn the job's later failure into an unhandled rejection.
  promise.catch(() => undefined);

  const join = (signal?: AbortSignal): Promise<T> => {
    if (signal?.aborted) return Promise.reject(abortError(signal.reason));
    waiters += 1;
    if (!signal) return promise;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        waiters -= 1;
        if (waiters === 0 && !settled) controller.abort(signal.reason);
        reject(abortError(signal.reason));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };

  return {
    join,
    promise,
    get cancelled() {
      return controller.signal.aborted;
    },
  };
}
