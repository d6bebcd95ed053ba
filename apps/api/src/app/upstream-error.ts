import {
  formatRetryAfter,
  isAtlasApiError,
  isAtlasRequestError,
  isInvalidParameterError,
  isResponseShapeError,
  isWireError,
  wireErrors,
  type WireError,
} from '@atlas-checkpoints/core';
import { errorAnswer, proxyErrors, wireErrorAnswer } from '../http/proxy-errors.js';
import { upstreamProxyError } from '../upstream/upstream-errors.js';

/**
 * Turns any failure into an Atlas-shaped error `Response`: Atlas's own answers are relayed
 * (status, body, `Retry-After`), transport failures become 502/504 (a redirect: 502 naming its
 * origin), upstream not called 503 with `Retry-After`, our validation errors their
 * 400/401/404/406, and anything else a 500 (reported through `onUnexpected`).
 *
 * @example
 * return errorResponse(error, { 'cache-status': 'atlas-checkpoints-proxy; fwd=miss' }, log);
 */
export function errorResponse(
  error: unknown,
  extra: Readonly<Record<string, string>>,
  onUnexpected: (error: unknown) => void,
): Response {
  if (isWireError(error)) return wireErrorAnswer(error, extra);
  const own = upstreamProxyError(error);
  if (own) return wireErrorAnswer(own, extra);
  if (isAtlasApiError(error)) {
    const headers: Record<string, string> = { ...extra };
    const retryAfter =
      error.headers['retry-after'] ?? (error.retryAfterMs !== undefined ? formatRetryAfter(error.retryAfterMs) : undefined);
    if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
    const www = error.headers['www-authenticate'];
    if (www !== undefined && error.status === 401) headers['www-authenticate'] = www;
    return errorAnswer(error.status, error.body, headers);
  }
  let mapped: WireError;
  if (isAtlasRequestError(error))
    mapped = error.kind === 'timeout' ? proxyErrors.upstreamTimeout() : proxyErrors.upstreamUnavailable();
  else if (isResponseShapeError(error)) mapped = proxyErrors.upstreamInvalid();
  else if (isInvalidParameterError(error)) mapped = wireErrors.invalidAttribute(error.parameter);
  else {
    onUnexpected(error);
    mapped = wireErrors.unexpected();
  }
  return wireErrorAnswer(mapped, extra);
}
