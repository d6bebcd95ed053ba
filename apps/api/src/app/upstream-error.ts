import { isAtlasApiError, isAtlasRequestError, isInvalidParameterError, isResponseShapeError } from '@atlas-checkpoints/core';
import { isProxyApiError, proxyErrors, renderApiError, type ProxyApiError } from '../http/api-error.js';

/**
 * Turns any failure into an Atlas-shaped error `Response`: Atlas's own answers are relayed
 * (status, body, `Retry-After`), transport failures become 502/504, our validation errors their
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
  if (isProxyApiError(error)) return renderApiError(error.status, error.body, { ...error.headers, ...extra });
  if (isAtlasApiError(error)) {
    const headers: Record<string, string> = { ...extra };
    const retryAfter =
      error.headers['retry-after'] ??
      (error.retryAfterMs !== undefined ? String(Math.ceil(error.retryAfterMs / 1000)) : undefined);
    if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
    const www = error.headers['www-authenticate'];
    if (www !== undefined && error.status === 401) headers['www-authenticate'] = www;
    return renderApiError(error.status, error.body, headers);
  }
  let mapped: ProxyApiError;
  if (isAtlasRequestError(error))
    mapped = error.kind === 'timeout' ? proxyErrors.upstreamTimeout() : proxyErrors.upstreamUnavailable();
  else if (isResponseShapeError(error)) mapped = proxyErrors.upstreamInvalid();
  else if (isInvalidParameterError(error)) mapped = proxyErrors.invalidAttribute(error.parameter);
  else {
    onUnexpected(error);
    mapped = proxyErrors.unexpected();
  }
  return renderApiError(mapped.status, mapped.body, { ...mapped.headers, ...extra });
}
