import { ATLAS_ERROR_CONTENT_TYPE, atlasContentType } from '@atlas-checkpoints/core';
import type { ApiErrorBody } from './api-error.js';

/**
 * Success `Content-Type` for API version 2023-01-01.
 *
 * @example
 * expect(response.headers.get('content-type')).toBe(ATLAS_CONTENT_TYPE);
 */
export const ATLAS_CONTENT_TYPE = atlasContentType();

/** How a body is serialised: `pretty` indents, `envelope` wraps (see the wire contract). */
export interface RenderOptions {
  readonly pretty: boolean;
  readonly envelope: boolean;
}

function stringify(body: unknown, pretty: boolean): string {
  return pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body);
}

/** The text of a list body: `envelope` adds `status`, `pretty` indents. */
export function listText(body: object, status: number, options: RenderOptions): string {
  return stringify(options.envelope ? { ...body, status } : body, options.pretty);
}

/** The text of a single resource: `envelope` wraps it as `{ status, content }`. */
export function singleText(body: object, status: number, options: RenderOptions): string {
  return stringify(options.envelope ? { status, content: body } : body, options.pretty);
}

/** A list response (body object or its pre-rendered text). */
export function renderList(
  body: object | string,
  status: number,
  options: RenderOptions,
  headers: Record<string, string>,
): Response {
  return new Response(typeof body === 'string' ? body : listText(body, status, options), {
    status,
    headers: { 'Content-Type': ATLAS_CONTENT_TYPE, ...headers },
  });
}

/** A single resource response (body object or its pre-rendered text). */
export function renderSingle(
  body: object | string,
  status: number,
  options: RenderOptions,
  headers: Record<string, string>,
): Response {
  return new Response(typeof body === 'string' ? body : singleText(body, status, options), {
    status,
    headers: { 'Content-Type': ATLAS_CONTENT_TYPE, ...headers },
  });
}

/** An Atlas error: `application/json`, `X-Error-Code`, compact unless `pretty`; `envelope` wraps it too. */
export function renderError(body: ApiErrorBody, options: RenderOptions, headers: Readonly<Record<string, string>>): Response {
  const payload = options.envelope ? { status: body.error, content: body } : body;
  return new Response(stringify(payload, options.pretty), {
    status: body.error,
    headers: { 'Content-Type': ATLAS_ERROR_CONTENT_TYPE, 'X-Error-Code': body.errorCode, ...headers },
  });
}

/** Reads `pretty`/`envelope` leniently (for error rendering, where the query may itself be invalid). */
export function lenientRenderOptions(url: URL): RenderOptions {
  return { pretty: url.searchParams.get('pretty') === 'true', envelope: url.searchParams.get('envelope') === 'true' };
}
