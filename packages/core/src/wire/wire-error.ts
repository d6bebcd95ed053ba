import type { ApiError, FieldViolation } from '../schemas/api-error.js';
import { apiErrorBody } from './api-error-body.js';
import { ATLAS_ERROR_CONTENT_TYPE } from './media-type.js';

/** Optional parts of a {@link WireError}. */
export interface WireErrorExtra {
  /** `badRequestDetail.fields` of a 400. */
  readonly fields?: readonly FieldViolation[] | undefined;
  /** Extra response headers (`Retry-After`, `WWW-Authenticate`, `Allow`, …). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * An Atlas error answer a server gives: its status, its `ApiError` document and its extra
 * headers. The fake Atlas and the proxy throw it from validation and routing and render it with
 * {@link renderError}; it is not thrown by core's client (that is `AtlasApiError`).
 *
 * @example
 * throw new WireError(404, 'GROUP_NOT_FOUND', `No group with ID ${groupId} exists.`);
 */
export class WireError extends Error {
  override name = 'WireError' as const;
  readonly status: number;
  readonly body: ApiError;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, errorCode: string, detail: string, extra: WireErrorExtra = {}) {
    super(`${status} ${errorCode}: ${detail}`);
    this.status = status;
    this.headers = extra.headers ?? {};
    // `parameters` stays empty: the spec types its items as objects while the real service sends
    // strings, so servers that must emit spec-valid documents send neither.
    this.body = apiErrorBody(status, errorCode, detail, { fields: extra.fields });
  }
}

/** True when `error` is a {@link WireError} (by `instanceof` or by `name`). */
export function isWireError(error: unknown): error is WireError {
  return error instanceof WireError || (error instanceof Error && error.name === 'WireError');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * An error document as Atlas writes it: compact, keys in alphabetical order (nested too).
 * Errors are never indented or enveloped: `pretty` and `envelope` apply to success bodies only.
 *
 * @example
 * errorJson({ reason: 'Not Found', error: 404 }) // '{"error":404,"reason":"Not Found"}'
 */
export function errorJson(document: unknown): string {
  return JSON.stringify(sortKeys(document));
}

/** The parts of an error answer: status, headers (lower-case names) and body text. */
export interface RenderedError {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Renders an error document with Atlas's headers: `Content-Type: application/json` and
 * `X-Error-Code` (from the document, `UNEXPECTED_ERROR` when it has none), plus `extra`.
 * A fresh headers object each time (servers may add to it).
 *
 * @example
 * const { status, headers, body } = renderError(error.status, error.body, error.headers);
 * return new Response(body, { status, headers });
 */
export function renderError(status: number, document: unknown, extra: Readonly<Record<string, string>> = {}): RenderedError {
  const code = (document as { errorCode?: unknown } | null)?.errorCode;
  const headers: Record<string, string> = {
    'content-type': ATLAS_ERROR_CONTENT_TYPE,
    'x-error-code': typeof code === 'string' ? code : 'UNEXPECTED_ERROR',
  };
  for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  return { status, headers, body: errorJson(document) };
}
