import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import { createPageTracker } from './page-tracker.js';
import type { ListFn, NumberedPage, PageRequest, PaginateOptions, PaginationReport, Paginator } from './types.js';
import { walkPages } from './walk-pages.js';

const MAX_CONCURRENCY = 32;

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidParameterError(name, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

/**
 * Walks every page of a list method. Iterate it for items (in page order, de-duplicated by `id`),
 * call `.pages()` for pages, or `.toArray({ limit })` to collect. Breaking out aborts in-flight requests.
 *
 * `totalCount` is an estimate (the spec says so): the pages it implies are fetched up to
 * `concurrency` at a time, and when the one that should be the last is full and links to a
 * `next` page, the walk follows `next` links until there is none (`report.totalCountLow`).
 * Retries are the list function's (the client's 429/5xx policy); a 429 only halves the walk's
 * concurrency. A failed page fails the walk.
 *
 * @example
 * const it = paginate(client.listClusterBackupCheckpoints, { groupId, clusterName }, { concurrency: 4 });
 * for await (const checkpoint of it) console.log(checkpoint.id);
 * console.log(it.report); // { pagesFetched, itemsYielded, duplicatesDropped, totalCountChanged, … }
 */
export function paginate<P extends PageRequest, T>(
  listFn: ListFn<P, T>,
  params: Omit<P, keyof PageRequest>,
  options: PaginateOptions = {},
): Paginator<T> {
  if (typeof listFn !== 'function') throw new InvalidParameterError('listFn', typeof listFn, 'a list function');
  if (params === null || typeof params !== 'object') throw new InvalidParameterError('params', params, 'an object');
  const itemsPerPage = checkInteger('itemsPerPage', options.itemsPerPage ?? 500, 1, 500);
  const concurrency = checkInteger('concurrency', options.concurrency ?? 1, 1, MAX_CONCURRENCY);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new InvalidParameterError('onProgress', typeof options.onProgress, 'a function');
  }
  const includeCount = options.includeCount ?? true;
  let latest: PaginationReport = {
    pagesFetched: 0,
    itemsYielded: 0,
    duplicatesDropped: 0,
    totalCountChanged: false,
    totalCountLow: false,
  };

  async function* pagesWithReport(): AsyncGenerator<NumberedPage<T>, void, undefined> {
    const tracker = createPageTracker<T>(options.onProgress);
    const report = tracker.report;
    latest = report;
    const walk = walkPages<T>({
      fetchPage: (pageNum, signal, onResponse) =>
        listFn({ ...params, pageNum, itemsPerPage, includeCount, signal, onResponse } as unknown as P),
      itemsPerPage,
      concurrency,
      includeCount,
      signal: options.signal,
      onCountLow: () => {
        report.totalCountLow = true;
      },
    });
    for await (const page of walk) yield tracker.accept(page);
  }

  async function* pages(): AsyncGenerator<NumberedPage<T>, void, undefined> {
    for await (const page of pagesWithReport()) {
      latest.itemsYielded += page.results.length;
      yield page;
    }
  }

  async function* items(): AsyncGenerator<T, void, undefined> {
    for await (const page of pagesWithReport()) {
      for (const item of page.results) {
        latest.itemsYielded += 1;
        yield item;
      }
    }
  }

  return {
    [Symbol.asyncIterator]: () => items(),
    pages,
    async toArray(collect: { limit: number }): Promise<T[]> {
      const limit = collect?.limit;
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
        throw new InvalidParameterError('limit', limit, 'an integer >= 1 (toArray needs a cap)');
      }
      const out: T[] = [];
      for await (const item of items()) {
        out.push(item);
        if (out.length >= limit) break;
      }
      return out;
    },
    get report(): PaginationReport {
      return { ...latest };
    },
  };
}
