import { parseRetryAfter } from '../client/retry-after.js';
import { AtlasApiError } from '../errors/index.js';
import type { ApiError } from '../schemas/api-error.js';

/**
 * Turns a non-2xx answer from `/api/oauth/*` into an {@link AtlasApiError}. Reads `errorCode`
 * from an Atlas error document, or `error` / `error_description` from an OAuth (RFC 6749 §5.2)
 * one; anything else becomes `HTTP_<status>`. Every secret in `secrets` is scrubbed from the text.
 * `retryAfterMs` comes from `Retry-After` (seconds or an HTTP-date), so the client's retry loop
 * waits for the token endpoint exactly as it does for the API.
 *
 * @example
 * if (!response.ok) throw await tokenEndpointError(response, url, [clientSecret]);
 */
export async function tokenEndpointError(response: Response, url: string, secrets: readonly string[]): Promise<AtlasApiError> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await response.text());
  } catch {
    parsed = undefined;
  }
  const scrub = (text: unknown): string | null => (typeof text === 'string' ? scrubSecrets(text, secrets) : null);
  let body: ApiError | undefined;
  if (isRecord(parsed) && typeof parsed['errorCode'] === 'string') {
    body = {
      error: typeof parsed['error'] === 'number' ? parsed['error'] : response.status,
      errorCode: parsed['errorCode'],
      detail: scrub(parsed['detail']),
      reason: scrub(parsed['reason']),
      parameters: [],
    };
  } else if (isRecord(parsed) && typeof parsed['error'] === 'string') {
    body = {
      error: response.status,
      errorCode: scrubSecrets(parsed['error'], secrets),
      detail: scrub(parsed['error_description']),
      reason: response.statusText || null,
      parameters: [],
    };
  }
  const headers: Record<string, string> = {};
  for (const name of ['retry-after', 'x-error-code', 'content-type']) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return new AtlasApiError({
    status: response.status,
    method: 'POST',
    url,
    body,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
    headers,
  });
}

/**
 * Replaces every occurrence of each secret (and its URL-encoded form) with `[REDACTED]`.
 *
 * @example
 * scrubSecrets('bad secret s3cr3t', ['s3cr3t']) // 'bad secret [REDACTED]'
 */
function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('[REDACTED]');
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
