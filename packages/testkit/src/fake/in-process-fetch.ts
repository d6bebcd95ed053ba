import { DROP_MARKER } from './body-faults.js';

type AppFetch = (request: Request) => Response | Promise<Response>;

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
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
}

/**
 * Wraps a Hono app as a `fetch`: always a promise, relative URLs resolved against `baseUrl`, the
 * request's `signal` honoured, and a dropped-connection fault surfaced as undici's `TypeError: fetch failed`.
 *
 * @example
 * const fetch = createInProcessFetch(app.fetch, 'http://fake-atlas.local');
 * await fetch('/api/atlas/v2/groups');
 */
export function createInProcessFetch(appFetch: AppFetch, baseUrl: string): typeof globalThis.fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const target = typeof input === 'string' && input.startsWith('/') ? new URL(input, baseUrl) : input;
    const request = new Request(target, init);
    const response = await abortable(Promise.resolve(appFetch(request)), request.signal);
    if (response.headers.has(DROP_MARKER)) {
      const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
      throw new TypeError('fetch failed', { cause });
    }
    return response;
  };
}
