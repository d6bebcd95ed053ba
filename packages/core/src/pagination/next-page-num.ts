import type { Page } from '../schemas/paginated.js';

/**
 * Whether a link-following walk should fetch another page after `page`: when the page carries
 * `links`, only if one is `rel: "next"`; without links, only if the page was full.
 */
export function hasNextPage(page: Page<unknown>, itemsPerPage: number): boolean {
  if (page.results.length === 0) return false;
  if (Array.isArray(page.links)) return hasNextLink(page);
  return page.results.length >= itemsPerPage;
}

/** Whether `page` carries a `rel: "next"` link. */
export function hasNextLink(page: Page<unknown>): boolean {
  return page.links?.some((link) => link.rel === 'next') ?? false;
}

/** The page number the `next` link points at (when it names one past `current`), else `current + 1`. */
export function nextPageNum(page: Page<unknown>, current: number): number {
  const href = page.links?.find((link) => link.rel === 'next')?.href;
  if (href) {
    try {
      const value = Number(new URL(href, 'http://relative.invalid').searchParams.get('pageNum'));
      if (Number.isInteger(value) && value > current) return value;
    } catch {
      // an unparseable href: fall back to counting
    }
  }
  return current + 1;
}
