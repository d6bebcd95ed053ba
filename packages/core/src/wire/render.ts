import type { Link } from '../schemas/link.js';
import { pageLinks, type PageLocation } from './links.js';
import { pageSelection, type RenderFlags } from './parse-query.js';

/** A list page document: `links`, `results`, and `totalCount` unless `includeCount=false`. */
export interface ListPageDocument<T> {
  links: Link[];
  results: T[];
  totalCount?: number;
}

/**
 * The page of `items` a list request selects, with its links and (`includeCount`) `totalCount`;
 * every item when the operation takes no `itemsPerPage`.
 *
 * @example
 * const doc = listPage(allCheckpoints, { origin, operation, pathValues, query });
 */
export function listPage<T>(items: readonly T[], location: PageLocation): ListPageDocument<T> {
  const { pageNum, itemsPerPage, includeCount, paged } = pageSelection(location.query);
  const start = (pageNum - 1) * itemsPerPage;
  const results = !paged ? items.slice() : start < items.length ? items.slice(start, start + itemsPerPage) : [];
  const links = pageLinks(location, items.length);
  return includeCount ? { links, results, totalCount: items.length } : { links, results };
}

/**
 * The text of a success body: `envelope` adds `status` to a list and wraps one resource as
 * `{ status, content }`; `pretty` indents by two spaces.
 *
 * @example
 * renderBody({ id: 'x' }, 'resource', { pretty: false, envelope: true }) // '{"status":200,"content":{"id":"x"}}'
 */
export function renderBody(document: object, shape: 'list' | 'resource', flags: RenderFlags, status = 200): string {
  const wrapped = !flags.envelope ? document : shape === 'list' ? { ...document, status } : { status, content: document };
  return flags.pretty ? JSON.stringify(wrapped, null, 2) : JSON.stringify(wrapped);
}
