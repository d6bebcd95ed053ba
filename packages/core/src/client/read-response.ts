import { AtlasApiError } from '../errors/atlas-api-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { ApiErrorCheck } from '../schemas/validators.js';
import { parseRetryAfter } from './retry-after.js';

/** Response headers an {@link AtlasApiError} carries (never credentials or cookies). */
const KEPT_HEADERS = [
  'content-type',
  'x-error-code',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'cache-status',
  'age',
  'x-request-id',
] as const;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Parses a 2xx body; a body that is not JSON is a {@link ResponseShapeError} at the root. */
export function parseSuccessBody(text: string, url: string): unknown {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new ResponseShapeError({ path: '', expected: 'a JSON document', url, cause: parsed.error });
  return parsed.value;
}

/**
 * The {@link AtlasApiError} for a non-2xx response: built from the body when it is an Atlas
 * `ApiError` document, synthesised from the status otherwise; `retryAfterMs` from `Retry-After`.
 */
export function toApiError(response: Response, text: string, method: string, url: string, now: number): AtlasApiError {
  const parsed = parseJson(text);
  const body = parsed.ok && ApiErrorCheck.Check(parsed.value) ? ApiErrorCheck.decode(parsed.value, url) : undefined;
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return new AtlasApiError({
    status: response.status,
    method,
    url,
    body,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now),
    headers,
  });
}
