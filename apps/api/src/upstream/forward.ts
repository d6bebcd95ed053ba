import { AtlasRequestError, rebaseLinks } from '@atlas-checkpoints/core';

const PASS_REQUEST = ['authorization', 'accept', 'user-agent'];
const PASS_RESPONSE = [
  'content-type',
  'www-authenticate',
  'x-error-code',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
];

/** A request to forward unchanged (passthrough Digest or anonymous callers). */
export interface ForwardRequest {
  readonly method: string;
  /** Path and query (`/api/atlas/v2/groups?pageNum=2`). */
  readonly pathAndQuery: string;
  readonly headers: Headers;
  /** The proxy's origin; upstream links in the body are rewritten to it. */
  readonly origin: string;
  /** Aborts the request (the fill's deadline, shutdown). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Forwards a request to Atlas as is (its `Authorization` included, so Digest challenges and
 * answers reach the caller) and returns Atlas's answer; only links are rewritten. Never cached.
 * A transport failure throws core's `AtlasRequestError` (`timeout` or `network`), which the proxy
 * answers with a 504 or 502.
 *
 * @example
 * const res = await forward(upstreamFetch, 'https://cloud.mongodb.com', { method: 'GET', pathAndQuery, headers, origin });
 */
export async function forward(
  fetchFn: (input: Request) => Promise<Response>,
  baseUrl: string,
  request: ForwardRequest,
  extraHeaders: Readonly<Record<string, string>>,
): Promise<Response> {
  const headers = new Headers();
  for (const name of PASS_REQUEST) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const url = new URL(request.pathAndQuery, baseUrl);
  // Credentials go to the upstream's origin only (a path like `//elsewhere/` must not redirect them).
  if (url.origin !== new URL(baseUrl).origin) throw new TypeError('refusing to forward a request to another origin');
  const signal = request.signal ?? null;
  let upstream: Response;
  let text: string;
  try {
    upstream = await fetchFn(new Request(url, { method: request.method, headers, signal }));
    text = await upstream.text();
  } catch (cause) {
    const timedOut =
      signal?.aborted === true ||
      (cause as { code?: unknown }).code === 'UND_ERR_HEADERS_TIMEOUT' ||
      (cause as { code?: unknown }).code === 'UND_ERR_BODY_TIMEOUT';
    throw new AtlasRequestError({ kind: timedOut ? 'timeout' : 'network', method: request.method, url: url.href, cause });
  }
  const out = new Headers(extraHeaders);
  for (const name of PASS_RESPONSE) {
    const value = upstream.headers.get(name);
    if (value !== null) out.set(name, value);
  }
  const body = rebaseLinks(text, new URL(baseUrl).origin, request.origin);
  return new Response(request.method === 'HEAD' ? null : body, { status: upstream.status, headers: out });
}
