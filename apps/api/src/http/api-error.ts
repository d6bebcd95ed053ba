import { apiErrorBody, ATLAS_ERROR_CONTENT_TYPE, atlasContentType, type ApiError } from '@atlas-checkpoints/core';

/** Content type of every success answer for API version 2023-01-01. */
export const SUCCESS_CONTENT_TYPE = atlasContentType();

/**
 * An answer the proxy gives in Atlas's error shape. Thrown by validation and auth, rendered by
 * {@link renderApiError}.
 *
 * @example
 * throw new ProxyApiError(400, 'INVALID_ATTRIBUTE', 'Invalid attribute groupId specified.');
 */
export class ProxyApiError extends Error {
  override name = 'ProxyApiError' as const;
  readonly status: number;
  readonly body: ApiError;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    errorCode: string,
    detail: string,
    extra: { field?: string; description?: string; headers?: Record<string, string> } = {},
  ) {
    super(`${status} ${errorCode}: ${detail}`);
    this.status = status;
    this.headers = extra.headers ?? {};
    this.body = apiErrorBody(status, errorCode, detail, {
      fields: extra.field ? [{ description: extra.description ?? detail, field: extra.field }] : undefined,
    });
  }
}

/** True when `error` is a {@link ProxyApiError} (by `instanceof` or by `name`). */
export function isProxyApiError(error: unknown): error is ProxyApiError {
  return error instanceof ProxyApiError || (error instanceof Error && error.name === 'ProxyApiError');
}

/**
 * Serialises an error document compactly with keys in alphabetical order (nested too).
 *
 * @example
 * errorJson({ error: 404, errorCode: 'X', detail: 'd', reason: 'Not Found', parameters: [] })
 * // '{"detail":"d","error":404,"errorCode":"X","parameters":[],"reason":"Not Found"}'
 */
function errorJson(doc: unknown): string {
  return JSON.stringify(sortKeys(doc));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** The headers of an error answer: `application/json` and `X-Error-Code`. */
function errorHeaders(errorCode: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { 'content-type': ATLAS_ERROR_CONTENT_TYPE, 'x-error-code': errorCode, ...extra };
}

/** Builds a `Response` for an Atlas-shaped error. */
export function renderApiError(status: number, body: unknown, extra: Readonly<Record<string, string>> = {}): Response {
  const doc = body as { errorCode?: unknown };
  const code = typeof doc.errorCode === 'string' ? doc.errorCode : 'UNEXPECTED_ERROR';
  return new Response(errorJson(body), { status, headers: errorHeaders(code, extra) });
}

/** Factories for the errors the proxy answers itself, with Atlas's wording where Atlas has one. */
export const proxyErrors = {
  invalidAttribute: (name: string) => new ProxyApiError(400, 'INVALID_ATTRIBUTE', `Invalid attribute ${name} specified.`),
  invalidItemsPerPage: (value: string) =>
    new ProxyApiError(400, 'INVALID_ITEMS_PER_PAGE', `Invalid itemsPerPage value ${clip(value)}; it must be between 1 and 500.`, {
      field: 'itemsPerPage',
      description: 'must be an integer between 1 and 500',
    }),
  invalidQuery: (field: string, description: string) =>
    new ProxyApiError(400, 'VALIDATION_ERROR', `Invalid value for query parameter ${clip(field)}.`, {
      field: clip(field),
      description,
    }),
  notFound: (path: string) => new ProxyApiError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${clip(path)}.`),
  groupNotFound: (groupId: string) => new ProxyApiError(404, 'GROUP_NOT_FOUND', `No group with ID ${groupId} exists.`),
  methodNotAllowed: (method: string) =>
    new ProxyApiError(405, 'METHOD_NOT_ALLOWED', `Method ${clip(method)} is not allowed.`, { headers: { allow: 'GET, HEAD' } }),
  unauthorized: () =>
    new ProxyApiError(401, 'UNAUTHORIZED', 'You are not authorized for this resource.', {
      headers: { 'www-authenticate': 'Bearer realm="atlas-checkpoints-proxy"' },
    }),
  invalidVersionDate: (version: string) =>
    new ProxyApiError(
      406,
      'INVALID_VERSION_DATE',
      `The version date ${clip(version)} is not supported by this proxy (2023-01-01).`,
    ),
  upstreamUnavailable: () => new ProxyApiError(502, 'BAD_GATEWAY', 'The upstream Atlas API could not be reached.'),
  upstreamTimeout: () => new ProxyApiError(504, 'GATEWAY_TIMEOUT', 'The upstream Atlas API did not answer in time.'),
  upstreamInvalid: () =>
    new ProxyApiError(502, 'BAD_GATEWAY', 'The upstream Atlas API sent a response that does not match its schema.'),
  unexpected: () => new ProxyApiError(500, 'UNEXPECTED_ERROR', 'Unexpected error.'),
} as const;

/** Keeps caller-supplied text in error details short and printable. */
function clip(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 64 ? `${printable.slice(0, 64)}…` : printable;
}
