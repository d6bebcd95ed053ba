import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import type { Page } from '../schemas/paginated.js';
import { hasNextLink, hasNextPage, nextPageNum } from './next-page-num.js';
import type { ListFn, NumberedPage, PageRequest } from './types.js';

/**
 * Options of `readLastPage` and `pagesFromEnd`.
 *
 * @example
 * pagesFromEnd(client.listClusterBackupCheckpoints, { groupId, clusterName }, { itemsPerPage: 100, totalCount: firstPage.totalCount });
 */
export interface FromEndOptions {
  /** Page size, 1..500 (default 500). Pages are numbered for this size. */
  itemsPerPage?: number;
  /** A `totalCount` the caller already has (e.g. from page 1 at the same size): saves the request that learns it. */
  totalCount?: number;
  /** Aborts the read and every request of it. */
  signal?: AbortSignal;
}

interface Reader<T> {
  itemsPerPage: number;
  fetch(pageNum: number, includeCount: boolean): Promise<NumberedPage<T>>;
}

function reader<P extends PageRequest, T>(
  listFn: ListFn<P, T>,
  params: Omit<P, keyof PageRequest>,
  options: FromEndOptions,
): Reader<T> {
  if (typeof listFn !== 'function') throw new InvalidParameterError('listFn', typeof listFn, 'a list function');
  if (params === null || typeof params !== 'object') throw new InvalidParameterError('params', params, 'an object');
  const itemsPerPage = options.itemsPerPage ?? 500;
  if (!Number.isInteger(itemsPerPage) || itemsPerPage < 1 || itemsPerPage > 500) {
    throw new InvalidParameterError('itemsPerPage', itemsPerPage, 'an integer from 1 to 500');
  }
  const known = options.totalCount;
  if (known !== undefined && (!Number.isInteger(known) || known < 0)) {
    throw new InvalidParameterError('totalCount', known, 'an integer >= 0');
  }
  return {
    itemsPerPage,
    async fetch(pageNum, includeCount) {
      options.signal?.throwIfAborted();
      const page: Page<T> = await listFn({
        ...params,
        pageNum,
        itemsPerPage,
        includeCount,
        signal: options.signal,
      } as unknown as P);
      return { ...page, pageNum };
    },
  };
}

/** From a page believed to be the last: steps back over empty pages (count high), on by `next` links (count low). */
async function settleLast<T>(read: Reader<T>, start: NumberedPage<T>): Promise<NumberedPage<T>> {
  let page = start;
  while (page.results.length === 0 && page.pageNum > 1) page = await read.fetch(page.pageNum - 1, false);
  while (page.results.length >= read.itemsPerPage && hasNextLink(page)) {
    const next = await read.fetch(nextPageNum(page, page.pageNum), false);
    if (next.results.length === 0) break;
    page = next;
  }
  return page;
}

async function lastPageOf<T>(read: Reader<T>, totalCount: number | undefined): Promise<NumberedPage<T>> {
  let total = totalCount;
  if (total === undefined) {
    const first = await read.fetch(1, true);
    if (typeof first.totalCount !== 'number') {
      // no count: follow `next` links, keeping only the latest non-empty page
      let page = first;
      while (hasNextPage(page, read.itemsPerPage)) {
        const next = await read.fetch(nextPageNum(page, page.pageNum), false);
        if (next.results.length === 0) break;
        page = next;
      }
      return page;
    }
    total = first.totalCount;
    if (total <= read.itemsPerPage) return settleLast(read, first);
  }
  return settleLast(read, await read.fetch(Math.max(1, Math.ceil(total / read.itemsPerPage)), false));
}

/**
 * Reads the last page of a list without walking it: with `totalCount` (given, or from page 1 at
 * `itemsPerPage`) it fetches page `ceil(totalCount / itemsPerPage)` directly. `totalCount` is an
 * estimate (the spec says so): an empty page there steps back, a full one that links `next` goes on
 * by links. Without a count it follows `next` links. Items keep the order Atlas sends them in (for
 * checkpoints, oldest first, so the newest is the last item).
 *
 * @returns the last non-empty page (page 1, possibly empty, for an empty list), with its `pageNum`.
 * @throws InvalidParameterError for a bad `itemsPerPage` or `totalCount`; whatever `listFn` throws.
 * @example
 * const last = await readLastPage(client.listClusterBackupCheckpoints, { groupId, clusterName });
 * const newest = last.results.at(-1);
 */
export async function readLastPage<P extends PageRequest, T>(
  listFn: ListFn<P, T>,
  params: Omit<P, keyof PageRequest>,
  options: FromEndOptions = {},
): Promise<NumberedPage<T>> {
  const read = reader(listFn, params, options);
  return lastPageOf(read, options.totalCount);
}

/**
 * Walks a list's pages backwards: the last page first (as `readLastPage` finds it), then each
 * earlier page down to page 1, one request at a time. Items inside a page keep Atlas's order;
 * an item already yielded (the list shifted while walking, e.g. old checkpoints expired) is dropped.
 * Stop iterating whenever enough has been read: nothing more is fetched.
 *
 * @throws InvalidParameterError for bad options; whatever `listFn` throws (the walk ends there).
 * @example
 * for await (const page of pagesFromEnd(client.listClusterBackupCheckpoints, { groupId, clusterName }, { itemsPerPage: 100 })) {
 *   rows.unshift(...page.results);
 *   if (rows.length >= screenRows) break;
 * }
 */
export async function* pagesFromEnd<P extends PageRequest, T>(
  listFn: ListFn<P, T>,
  params: Omit<P, keyof PageRequest>,
  options: FromEndOptions = {},
): AsyncGenerator<NumberedPage<T>, void, undefined> {
  const read = reader(listFn, params, options);
  const seen = new Set<string>();
  const fresh = (page: NumberedPage<T>): NumberedPage<T> => ({
    ...page,
    results: page.results.filter((item) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    }),
  });
  const last = await lastPageOf(read, options.totalCount);
  yield fresh(last);
  for (let pageNum = last.pageNum - 1; pageNum >= 1; pageNum -= 1) yield fresh(await read.fetch(pageNum, false));
}
