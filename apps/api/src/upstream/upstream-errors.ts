import { formatRetryAfter, isAtlasRequestError, WireError } from '@atlas-checkpoints/core';

/** Upstream answered with a redirect; the proxy never follows one (credentials stay with their origin). */
export class UpstreamRedirectError extends Error {
  override name = 'UpstreamRedirectError' as const;
  /** The 3xx status. */
  readonly status: number;
  /** Origin of `Location` (never its path or query), or `undefined` when there was none. */
  readonly locationOrigin: string | undefined;

  constructor(status: number, location: string | null, requestUrl: string) {
    let origin: string | undefined;
    try {
      origin = location === null ? undefined : new URL(location, requestUrl).origin;
    } catch {
      origin = undefined;
    }
    super(`upstream answered ${status} with a redirect to ${origin ?? 'nowhere (no valid Location)'}`);
    this.status = status;
    this.locationOrigin = origin;
  }
}

/** Upstream sent a body in a content coding the proxy cannot decode (it decodes gzip, deflate and br). */
export class UpstreamEncodingError extends Error {
  override name = 'UpstreamEncodingError' as const;
  /** The `Content-Encoding` upstream sent (clipped). */
  readonly encoding: string;

  constructor(encoding: string) {
    const clipped = encoding.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);
    super(`upstream sent a body in an encoding the proxy cannot decode: ${clipped}`);
    this.encoding = clipped;
  }
}

/** Why the proxy did not call upstream at all. */
export type UnavailableReason = 'circuit-open' | 'queue-full' | 'shutting-down';

/** The proxy declined to call upstream (its breaker is open, its queue full, or it is shutting down). */
export class UpstreamUnavailableError extends Error {
  override name = 'UpstreamUnavailableError' as const;
  readonly reason: UnavailableReason;
  /** When to try again, in ms. */
  readonly retryAfterMs: number;

  constructor(reason: UnavailableReason, retryAfterMs: number) {
    super(`upstream not called: ${reason}`);
    this.reason = reason;
    this.retryAfterMs = Math.max(0, retryAfterMs);
  }
}

/** True when `error` is an {@link UpstreamRedirectError} (by `instanceof` or by `name`). */
export function isUpstreamRedirectError(error: unknown): error is UpstreamRedirectError {
  return error instanceof UpstreamRedirectError || (error instanceof Error && error.name === 'UpstreamRedirectError');
}

/** True when `error` is an {@link UpstreamEncodingError} (by `instanceof` or by `name`). */
export function isUpstreamEncodingError(error: unknown): error is UpstreamEncodingError {
  return error instanceof UpstreamEncodingError || (error instanceof Error && error.name === 'UpstreamEncodingError');
}

/** True when `error` is an {@link UpstreamUnavailableError} (by `instanceof` or by `name`). */
export function isUpstreamUnavailableError(error: unknown): error is UpstreamUnavailableError {
  return error instanceof UpstreamUnavailableError || (error instanceof Error && error.name === 'UpstreamUnavailableError');
}

const DETAIL: Record<UnavailableReason, string> = {
  'circuit-open': 'The upstream Atlas API is failing; the proxy is not calling it until it recovers.',
  'queue-full': 'Too many requests are waiting for the upstream Atlas API.',
  'shutting-down': 'The proxy is shutting down.',
};

/**
 * The Atlas-shaped answer to an upstream failure of the proxy's own making: 502 naming a
 * redirect's origin or an encoding it cannot decode (also when core's client reports them as the
 * cause of a request error), 503 with `Retry-After` when upstream was not called; `undefined`
 * for anything else.
 *
 * @example
 * upstreamProxyError(new UpstreamUnavailableError('queue-full', 1000))?.status // 503
 */
export function upstreamProxyError(error: unknown): WireError | undefined {
  // Core's client reports a transport failure as a request error whose cause is the transport's error.
  const cause = isAtlasRequestError(error) ? error.cause : error;
  if (isUpstreamEncodingError(cause)) {
    return new WireError(
      502,
      'BAD_GATEWAY',
      `The upstream Atlas API sent a body in an encoding the proxy cannot decode (${cause.encoding}).`,
    );
  }
  const redirect = isUpstreamRedirectError(cause) ? cause : undefined;
  if (redirect) {
    const to =
      redirect.locationOrigin === undefined ? 'without a valid Location' : `with a redirect to ${redirect.locationOrigin}`;
    return new WireError(
      502,
      'BAD_GATEWAY',
      `The upstream Atlas API answered ${redirect.status} ${to}; the proxy does not follow redirects (check --upstream).`,
    );
  }
  if (isUpstreamUnavailableError(error)) {
    // At least 1 s: "come back at once" would only bring the load back.
    const headers: Record<string, string> = { 'retry-after': formatRetryAfter(Math.max(1_000, error.retryAfterMs)) };
    if (error.reason === 'shutting-down') headers.connection = 'close';
    return new WireError(503, 'SERVICE_UNAVAILABLE', DETAIL[error.reason], { headers });
  }
  return undefined;
}
