import type { ResponseInfo } from '../client/options.js';
import type { Page } from '../schemas/paginated.js';
import { hasNextLink, hasNextPage, nextPageNum } from './next-page-num.js';
import type { NumberedPage } from './types.js';

/** How a walk fetches one page and how fast it may go. */
export interface WalkOptions<T> {
  /**
   * Fetches page `pageNum`; `onResponse` hears every HTTP response of that call (retries
   * included), so the walk can slow down on a 429 the client itself retries.
   */
  fetchPage(pageNum: number, signal: AbortSignal, onResponse: (info: ResponseInfo) => void): Promise<Page<T>>;
  itemsPerPage: number;
  concurrency: number;
  includeCount: boolean;
  signal: AbortSignal | undefined;
  /** Called once when the page that `totalCount` said was the last is full and links to a next one. */
  onCountLow(): void;
}

/**
 * Yields raw pages in page order. With a `totalCount` the pages it implies are fetched up to
 * `concurrency` at a time; `totalCount` is an estimate (the spec says so), so when the page that
 * should be the last is full and carries `rel: "next"`, the walk goes on by `next` links until
 * there is none. Without a count, `next` links are followed one page at a time.
 *
 * Retries belong to the client (429, 5xx, `Retry-After`): the walk never re-fetches a page. When
 * a response is a 429 (even one the client then retried successfully) it halves its concurrency,
 * at most once per window of requests started at the same concurrency, as TCP halves its window.
 * Ending the iteration (break, error, abort) aborts every in-flight fetch.
 */
export async function* walkPages<T>(options: WalkOptions<T>): AsyncGenerator<NumberedPage<T>, void, undefined> {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  let limit = options.concurrency;
  let generation = 0;
  const fetchPage = (pageNum: number): Promise<Page<T>> => {
    const startedIn = generation;
    return options.fetchPage(pageNum, signal, (info) => {
      if (info.status !== 429 || startedIn !== generation || limit === 1) return;
      limit = Math.max(1, Math.floor(limit / 2));
      generation += 1;
    });
  };
  try {
    signal.throwIfAborted();
    let last: NumberedPage<T> = { ...(await fetchPage(1)), pageNum: 1 };
    // More items than asked for: the operation is not paged (the spec gives some lists no
    // `itemsPerPage`, e.g. listGroupClusterBackupSnapshotShardedClusters), so page 1 is all of it.
    if (last.results.length > options.itemsPerPage) {
      yield last;
      return;
    }
    if (options.includeCount && typeof last.totalCount === 'number') {
      let total = last.totalCount;
      let lastPage = Math.ceil(total / options.itemsPerPage);
      // pages started and not yet yielded (in flight or buffered), keyed by page number
      const window = new Map<number, Promise<Page<T>>>();
      let nextToStart = 2;
      const fill = (mustStart: number): void => {
        while (nextToStart <= lastPage && (window.size < limit || nextToStart <= mustStart)) {
          const pending = fetchPage(nextToStart);
          pending.catch(() => undefined);
          window.set(nextToStart, pending);
          nextToStart += 1;
        }
      };
      fill(0);
      yield last;
      for (let pageNum = 2; pageNum <= lastPage; pageNum += 1) {
        fill(pageNum);
        const page = await (window.get(pageNum) as Promise<Page<T>>);
        window.delete(pageNum);
        if (typeof page.totalCount === 'number' && page.totalCount !== total) {
          total = page.totalCount;
          lastPage = Math.max(pageNum, Math.ceil(total / options.itemsPerPage));
        }
        fill(0);
        last = { ...page, pageNum };
        yield last;
      }
      // The count is an estimate: a full last page that links onward means it was low.
      if (last.results.length < options.itemsPerPage || !hasNextLink(last)) return;
      options.onCountLow();
    } else {
      yield last;
    }
    while (hasNextPage(last, options.itemsPerPage)) {
      const pageNum = nextPageNum(last, last.pageNum);
      last = { ...(await fetchPage(pageNum)), pageNum };
      yield last;
    }
  } finally {
    controller.abort(new DOMException('The pagination walk ended.', 'AbortError'));
  }
}
