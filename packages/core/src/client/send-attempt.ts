import ky, { type KyInstance } from 'ky';
import type { AuthRequest } from '../auth/types.js';
import { redactUrl } from '../errors/redact.js';
import { atlasMediaType } from '../wire/media-type.js';
import type { ResolvedOptions } from './resolve-options.js';

/**
 * The client's ky instance: the injected transport, Atlas's media type and User-Agent, no ky
 * timeout or status retries (the client's retry loop owns those) and room for exactly one forced
 * retry, which the auth hook uses after a 401 challenge.
 */
export function createKy(options: ResolvedOptions): KyInstance {
  return ky.create({
    fetch: options.fetch,
    retry: { limit: 1, methods: ['get'], shouldRetry: () => false },
    timeout: false,
    throwHttpErrors: false,
    headers: { accept: atlasMediaType(options.apiVersion), 'user-agent': options.userAgent },
  });
}

/** Counts HTTP requests across one call (retries and auth challenges). */
export interface CallCounter {
  attempt: number;
}

/**
 * One GET through ky. `beforeRequest` sets `Authorization` from `auth.authorize` on every HTTP
 * request; `afterResponse` reports each response to `onResponse` and, on a 401 that
 * `auth.handleUnauthorized` accepts (a Digest challenge, a refreshed token), retries once.
 */
export function sendAttempt(
  client: KyInstance,
  options: ResolvedOptions,
  url: string,
  signal: AbortSignal,
  counter: CallCounter,
): Promise<Response> {
  let authRequest: AuthRequest | undefined;
  let startedAt = 0;
  let challenged = false;
  return client.get(url, {
    signal,
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
      afterResponse: [
        async (request, _options, response) => {
          try {
            options.onResponse?.({
              method: request.method,
              url: redactUrl(request.url),
              status: response.status,
              headers: response.headers,
              durationMs: performance.now() - startedAt,
              attempt: counter.attempt,
            });
          } catch {
            // an observer's failure never fails the request
          }
          if (response.status === 401 && !challenged && authRequest) {
            challenged = true;
            if (await options.auth.handleUnauthorized(authRequest, response)) return ky.retry({ delay: 0 });
          }
          return undefined;
        },
      ],
    },
  });
}
