import { renderError, WireError, wireErrors } from '@atlas-checkpoints/core';

/**
 * The errors the proxy answers on its own account (Atlas's own errors are core's `wireErrors`).
 *
 * @example
 * throw proxyErrors.upstreamTimeout();
 */
export const proxyErrors = {
  /** 401 for a missing or unknown proxy token, with the proxy's own Bearer challenge. */
  unauthorized: () => wireErrors.unauthorized({ 'www-authenticate': 'Bearer realm="atlas-checkpoints-proxy"' }),
  upstreamUnavailable: () => new WireError(502, 'BAD_GATEWAY', 'The upstream Atlas API could not be reached.'),
  upstreamTimeout: () => new WireError(504, 'GATEWAY_TIMEOUT', 'The upstream Atlas API did not answer in time.'),
  upstreamInvalid: () =>
    new WireError(502, 'BAD_GATEWAY', 'The upstream Atlas API sent a response that does not match its schema.'),
  payloadTooLarge: (limit: number) =>
    new WireError(413, 'PAYLOAD_TOO_LARGE', `The purge request body must be at most ${limit} bytes.`),
  /** 400 for a request Node's HTTP parser could not read (answered before any route). */
  badRequest: () => new WireError(400, 'INVALID_REQUEST', 'The request is not valid HTTP.'),
  /** 431 for request headers larger than the server accepts. */
  headersTooLarge: () =>
    new WireError(431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'The request headers are larger than the server accepts.'),
  /** 408 for a request not received in time. */
  requestTimeout: () => new WireError(408, 'REQUEST_TIMEOUT', 'The request was not received in time.'),
  invalidJson: () =>
    new WireError(400, 'INVALID_JSON', 'The purge request body must be JSON: {"groupId": "…", "clusterName": "…"}.'),
} as const;

/**
 * A `Response` for an Atlas-shaped error document (compact, keys in alphabetical order,
 * `application/json`, `X-Error-Code`, `Cache-Control: private`: which error a caller gets depends
 * on who asks), with `extra` headers.
 *
 * @example
 * return errorAnswer(error.status, error.body, error.headers);
 */
export function errorAnswer(status: number, document: unknown, extra: Readonly<Record<string, string>> = {}): Response {
  const rendered = renderError(status, document, { 'cache-control': 'private', ...extra });
  return new Response(rendered.body, { status: rendered.status, headers: rendered.headers });
}

/** The `Response` of a `WireError`, with `extra` headers. */
export function wireErrorAnswer(error: WireError, extra: Readonly<Record<string, string>> = {}): Response {
  return errorAnswer(error.status, error.body, { ...error.headers, ...extra });
}
