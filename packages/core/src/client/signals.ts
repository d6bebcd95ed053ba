/** An `AbortController` that aborts itself after `ms` (a `setTimeout`, so fake timers drive it). */
export interface Timer {
  readonly signal: AbortSignal;
  clear(): void;
}

/** Starts a {@link Timer}. */
export function startTimer(ms: number, reason: string): Timer {
  const controller = new AbortController();
  const id = setTimeout(() => controller.abort(new DOMException(reason, 'TimeoutError')), ms);
  return { signal: controller.signal, clear: () => clearTimeout(id) };
}

/** `AbortSignal.any` over the defined signals. */
export function anySignal(signals: ReadonlyArray<AbortSignal | undefined>): AbortSignal {
  return AbortSignal.any(signals.filter((signal): signal is AbortSignal => signal !== undefined));
}

/**
 * Settles like `promise`, or rejects with `signal.reason` as soon as `signal` aborts, so a
 * transport that ignores its signal cannot hold a call past its timeout or its caller's abort.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
