/** One web link as Atlas writes it. */
export interface WebLink {
  readonly href: string;
  readonly rel: string;
}

/**
 * The `links` of a list page, as Atlas writes them: `self`, `next` when more items exist,
 * `previous` after page 1; each keeps the request's other query parameters and sets
 * `itemsPerPage` and `pageNum`, and points at `origin` (the proxy's own origin, never upstream).
 *
 * @example
 * pageLinks('http://127.0.0.1:8080', '/api/atlas/v2/groups', '', { pageNum: 1, itemsPerPage: 100 }, 250)
 */
export function pageLinks(
  origin: string,
  path: string,
  search: string,
  page: { pageNum: number; itemsPerPage: number },
  total: number,
): WebLink[] {
  const kept = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(search))
    if (key !== 'pageNum' && key !== 'itemsPerPage') kept.append(key, value);
  const href = (pageNum: number) => {
    const params = new URLSearchParams(kept);
    params.set('itemsPerPage', String(page.itemsPerPage));
    params.set('pageNum', String(pageNum));
    return `${origin}${path}?${params.toString()}`;
  };
  const links: WebLink[] = [{ href: href(page.pageNum), rel: 'self' }];
  if (page.pageNum * page.itemsPerPage < total) links.push({ href: href(page.pageNum + 1), rel: 'next' });
  if (page.pageNum > 1) links.push({ href: href(page.pageNum - 1), rel: 'previous' });
  return links;
}

/**
 * Points every URL in a JSON text that starts with the upstream origin at the proxy's origin.
 *
 * @example
 * rebaseLinks('{"href":"https://cloud.mongodb.com/api/x"}', 'https://cloud.mongodb.com', 'http://proxy') // '{"href":"http://proxy/api/x"}'
 */
export function rebaseLinks(json: string, upstreamOrigin: string, origin: string): string {
  if (upstreamOrigin === origin) return json;
  return json.replaceAll(`"${upstreamOrigin}/`, `"${origin}/`);
}
