import type { Link } from '../schemas/link.js';
import type { Operation } from './operation.js';
import { canonicalQuery, pageSelection, type WireQuery } from './parse-query.js';
import { expandPath } from './paths.js';

/** Where a list page lives: the origin links point at, its operation and path values, its query. */
export interface PageLocation {
  readonly origin: string;
  readonly operation: Pick<Operation, 'path' | 'query'>;
  readonly pathValues: Readonly<Record<string, string>>;
  readonly query: WireQuery;
}

/**
 * A list page's `links`, as Atlas writes them: `self`, `next` when more items exist, `previous`
 * after page 1 (only `self` for a list the operation does not page). Each is absolute on `origin` and carries the normalised query (parameters that
 * differ from their default, in table order; unknown ones dropped), then `itemsPerPage` and `pageNum`.
 *
 * @example
 * pageLinks({ origin: 'http://127.0.0.1:8080', operation: OPERATIONS.listGroups, pathValues: {}, query }, 250)
 * // [{ href: 'http://127.0.0.1:8080/api/atlas/v2/groups?itemsPerPage=100&pageNum=1', rel: 'self' }, { …, rel: 'next' }]
 */
export function pageLinks(location: PageLocation, total: number): Link[] {
  const { pageNum, itemsPerPage, paged } = pageSelection(location.query);
  const kept = canonicalQuery(location.operation, location.query, ['render', 'filter', 'page']).filter(
    ([name]) => name !== 'pageNum' && name !== 'itemsPerPage',
  );
  const base = `${location.origin}${expandPath(location.operation, location.pathValues)}`;
  if (!paged) return [{ href: kept.length ? `${base}?${new URLSearchParams(kept).toString()}` : base, rel: 'self' }];
  const href = (page: number) =>
    `${base}?${new URLSearchParams([...kept, ['itemsPerPage', String(itemsPerPage)], ['pageNum', String(page)]]).toString()}`;
  const links: Link[] = [{ href: href(pageNum), rel: 'self' }];
  if (pageNum * itemsPerPage < total) links.push({ href: href(pageNum + 1), rel: 'next' });
  if (pageNum > 1) links.push({ href: href(pageNum - 1), rel: 'previous' });
  return links;
}

const jsonText = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Points every URL in a JSON text that starts with `from` (an origin) at `to`, both matched and
 * written JSON-escaped, so the result stays valid JSON whatever `to` contains.
 *
 * @example
 * rebaseLinks('{"href":"https://cloud.mongodb.com/api/x"}', 'https://cloud.mongodb.com', 'http://proxy') // '{"href":"http://proxy/api/x"}'
 */
export function rebaseLinks(json: string, from: string, to: string): string {
  if (from === to) return json;
  return json.replaceAll(`"${jsonText(from)}/`, `"${jsonText(to)}/`);
}
