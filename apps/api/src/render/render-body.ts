import { listPage, rebaseLinks, renderBody, renderFlags, type WireRequest } from '@atlas-checkpoints/core';
import type { CacheEntry } from '../cache/entry.js';
import type { DocCache } from './doc-cache.js';

/** What a response body is rendered from. */
export interface RenderInput {
  readonly entry: CacheEntry;
  /** The validated request: operation (list or resource), query (page, `pretty`, `envelope`), path values. */
  readonly request: WireRequest;
  /** The entry holds a whole list (a snapshot) to slice into the page asked for. */
  readonly snapshot: boolean;
  /** The origin every link points at (`--public-url`, or the request's validated origin). */
  readonly origin: string;
  /** The upstream origin whose links are rewritten to `origin`. */
  readonly upstreamOrigin: string;
  /** Keeps only these items of a list (e.g. the projects a proxy token may see). */
  readonly allow?: ((item: unknown) => boolean) | undefined;
  /** Where parsed documents are kept (default: parsed for this rendering only). */
  readonly docs?: DocCache | undefined;
}

/**
 * Renders an entry into the JSON text Atlas would send for this request with core's wire layer:
 * slices snapshots into the page (links and `totalCount` on `origin`), applies `envelope` and
 * `pretty`, and points upstream links at `origin` (JSON-escaped).
 *
 * @example
 * renderEntry({ entry, request, snapshot: true, origin: 'http://127.0.0.1:8080', upstreamOrigin: 'https://cloud.mongodb.com' })
 */
export function renderEntry(input: RenderInput): string {
  const { request } = input;
  let doc = (input.docs ? input.docs.of(input.entry) : JSON.parse(input.entry.body)) as Record<string, unknown>;
  const all = Array.isArray(doc.results) ? (doc.results as unknown[]) : undefined;
  if (input.snapshot) {
    const items = input.allow && all ? all.filter(input.allow) : (all ?? []);
    doc = {
      ...listPage(items, {
        origin: input.origin,
        operation: request.operation,
        pathValues: request.pathValues,
        query: request.query,
      }),
    };
  } else if (input.allow && all) {
    doc = { ...doc, results: all.filter(input.allow) };
  }
  const text = renderBody(doc, request.operation.shape, renderFlags(request.query));
  return rebaseLinks(text, input.upstreamOrigin, input.origin);
}
