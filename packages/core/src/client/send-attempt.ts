import ky, { type KyInstance } from 'ky';
import type { AuthRequest } from '../auth/types.js';
import { redactUrl } from '../errors/redact.js';
import type { ResponseInfo } from './options.js';
import type { ResolvedOptions } from './resolve-options.js';

/**
 * The client's ky instance: the injected transport and User-Agent (each call sets its `Accept`), no ky
 * timeout and no ky retries (the client's retry loop owns those, and {@link sendAttempt} the one
 * re-send after a 401 challenge).
 */
export function createKy(options: ResolvedOptions): KyInstance {
  return ky.create({
    fetch: options.fetch,
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    headers: { 'user-agent': options.userAgent },
  });
}

/** Counts HTTP requests across one call (retries and auth challenges). */
export interface CallCounter {
  attempt: number;
}

function report(
  observers: ReadonlyArray<((info: ResponseInfo) => void) | undefined>,
  request: AuthRequest,
  response: Response,
  startedAt: number,
  attempt: number,
): void {
  const info: ResponseInfo = {
    method: request.method,
    url: redactUrl(request.url),
    status: response.status,
    headers: response.headers,
    durationMs: performance.now() - startedAt,
    attempt,
  };
  for (const observer of observers) {
    try {
      observer?.(info);
    } catch {
      // an observer's failure never fails the request
    }
  }
}

/**
 * One GET through ky with the call's `Accept`. A `beforeRequest` hook sets `Authorization` from
 * `auth.authorize` on every HTTP request; each response is reported to the client's `onResponse`,
 * then to the call's; on a 401 that `auth.handleUnauthorized`
 * accepts (a Digest challenge, a refreshed token) the request is sent once more.
 *
 * The 401 handling deliberately lives here rather than in a ky `afterResponse` hook: ky tees the
 * body of every response it hands such a hook, which doubled the cost of reading a 250 KB page.
 */
export async function sendAttempt(
  client: KyInstance,
  options: ResolvedOptions,
  url: string,
  accept: string,
  signal: AbortSignal,
  counter: CallCounter,
  onCallResponse?: (info: ResponseInfo) => void,
): Promise<Response> {
  for (let challenged = false; ; challenged = true) {
    let authRequest: AuthRequest | undefined;
    let startedAt = 0;
    const response = await client.get(url, {
      signal,
      headers: { accept },
      hooks: {
        beforeRequest: [
          async (request) => {
            counter.attempt += 1;
            authRequest = {
              method: request.method,
              url: request.url,
              baseUrl: options.baseUrl,
              fetch: options.fetch,
              signal,
              userAgent: options.userAgent,
            };
            const authorization = await options.auth.authorize(authRequest);
            if (authorization === undefined) request.headers.delete('authorization');
            else request.headers.set('authorization', authorization);
            startedAt = performance.now();
          },
        ],
      },
    });
    if (authRequest === undefined) return response;
    report([options.onResponse, onCallResponse], authRequest, response, startedAt, counter.attempt);
    if (response.status !== 401 || challenged) return response;
    if (!(await options.auth.handleUnauthorized(authRequest, response))) return response;
    void response.body?.cancel().catch(() => undefined);
  }
}
