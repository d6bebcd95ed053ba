import type { Link } from '../fixtures/model.js';
import type { ListQuery } from './query.js';

function pageHref(url: URL, pageNum: number, itemsPerPage: number): string {
  const target = new URL(url.pathname, url.origin);
  for (const [key, value] of url.searchParams) {
    if (key !== 'pageNum' && key !== 'itemsPerPage') target.searchParams.append(key, value);
  }
  target.searchParams.set('itemsPerPage', String(itemsPerPage));
  target.searchParams.set('pageNum', String(pageNum));
  return target.href;
}

/**
 * A page's `links`: absolute URLs from the request's origin; `self`, `next` when more pages exist,
 * `previous` after page 1.
 *
 * @example
 * pageLinks(new URL('http://x/api/atlas/v2/groups?pageNum=2'), query, 250); // self, next, previous
 */
export function pageLinks(url: URL, query: ListQuery, total: number): Link[] {
  const links: Link[] = [{ href: pageHref(url, query.pageNum, query.itemsPerPage), rel: 'self' }];
  if (query.pageNum * query.itemsPerPage < total)
    links.push({ href: pageHref(url, query.pageNum + 1, query.itemsPerPage), rel: 'next' });
  if (query.pageNum > 1) links.push({ href: pageHref(url, query.pageNum - 1, query.itemsPerPage), rel: 'previous' });
  return links;
}

/** A resource's own `self` link. */
export function selfLink(origin: string, path: string): Link[] {
  return [{ href: `${origin}${path}`, rel: 'self' }];
}
