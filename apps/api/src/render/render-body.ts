import { entryDoc, type CacheEntry } from '../cache/entry.js';
import type { ListParams, RenderFlags } from '../http/params.js';
import { pageLinks, rebaseLinks } from './links.js';

/** What a response body is rendered from. */
export interface RenderInput {
  readonly entry: CacheEntry;
  /** `list` routes get `status` merged into the body with `envelope`; resources are wrapped. */
  readonly shape: 'list' | 'resource';
  readonly flags: RenderFlags;
  /** The page asked for (snapshots are sliced with it). */
  readonly list?: ListParams | undefined;
  /** The request path and query (without `?`), for the links of a snapshot page. */
  readonly path: string;
  readonly search: string;
  /** The proxy's origin (`http://host:port`), used in every link. */
  readonly origin: string;
  /** The upstream origin whose links are rewritten to `origin`. */
  readonly upstreamOrigin: string;
  /** Keeps only these items of a snapshot (e.g. the projects a proxy token may see). */
  readonly allow?: ((item: unknown) => boolean) | undefined;
}

/**
 * Renders an entry into the JSON text Atlas would send for this request: slices snapshots to the
 * page, applies `includeCount`, `envelope` and `pretty`, and points links at the proxy.
 *
 * @example
 * renderBody({ entry, shape: 'list', flags: { pretty: false, envelope: false }, list, path, origin, upstreamOrigin })
 */
export function renderBody(input: RenderInput): string {
  let doc = entryDoc(input.entry) as Record<string, unknown>;
  if (input.entry.kind === 'snapshot' && input.list) doc = slice(doc, input);
  else if (input.allow && Array.isArray(doc.results)) doc = { ...doc, results: doc.results.filter(input.allow) };
  if (input.flags.envelope) {
    doc = input.shape === 'list' ? { ...doc, status: 200 } : { status: 200, content: doc };
  }
  const json = input.flags.pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
  return rebaseLinks(json, input.upstreamOrigin, input.origin);
}

function slice(snapshot: Record<string, unknown>, input: RenderInput): Record<string, unknown> {
  const list = input.list as ListParams;
  let items = Array.isArray(snapshot.results) ? (snapshot.results as unknown[]) : [];
  if (input.allow) items = items.filter(input.allow);
  const start = (list.pageNum - 1) * list.itemsPerPage;
  const results = start >= items.length ? [] : items.slice(start, start + list.itemsPerPage);
  const out: Record<string, unknown> = { links: pageLinks(input.origin, input.path, input.search, list, items.length), results };
  if (list.includeCount) out.totalCount = items.length;
  return out;
}
