import { isAtlasApiError } from '../errors/atlas-api-error.js';
import type { Sleep } from '../client/sleep.js';
import type { Page } from '../schemas/paginated.js';
import { hasNextPage, nextPageNum } from './next-page-num.js';
import type { NumberedPage } from './types.js';

/** How a walk fetches one page and how fast it may go. */
export interface WalkOptions<T> {
  fetchPage(pageNum: number, signal: AbortSignal): Promise<Page<T>>;
  itemsPerPage: number;
  concurrency: number;
  includeCount: boolean;
  signal: AbortSignal | undefined;
  sleep: Sleep;
}

/** A page fetch may be re-tried this often after 429s in a concurrent walk before the walk fails. */
const MAX_RATE_LIMIT_RETRIES = 5;
const RATE_LIMIT_BACKOFF_MS = 1_000;
/** A `Retry-After` longer than this fails the walk (as the client's own retry cap does) rather than sleeping through it. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Yields raw pages in page order. With a `totalCount` the pages after the first are fetched up to
 * `concurrency` at a time (halved on each 429); otherwise `next` links are followed one by one.
 * Ending the iteration (break, error, abort) aborts every in-flight fetch.
 */
export async function* walkPages<T>(options: WalkOptions<T>): AsyncGenerator<NumberedPage<T>, void, undefined> {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  let limit = options.concurrency;

  const fetchWithBackoff = async (pageNum: number): Promise<Page<T>> => {
    for (let tries = 0; ; tries += 1) {
      try {
        return await options.fetchPage(pageNum, signal);
      } catch (error) {
        const rateLimited = isAtlasApiError(error) && error.status === 429;
        if (!rateLimited || options.concurrency === 1 || tries >= MAX_RATE_LIMIT_RETRIES || signal.aborted) throw error;
        if ((error.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS) throw error;
        limit = Math.max(1, Math.floor(limit / 2));
        await options.sleep(error.retryAfterMs ?? RATE_LIMIT_BACKOFF_MS * 2 ** tries, signal);
      }
    }
  };

  try {
    signal.throwIfAborted();
    const first = await fetchWithBackoff(1);
    if (options.includeCount && typeof first.totalCount === 'number') {
      let total = first.totalCount;
      let lastPage = Math.ceil(total / options.itemsPerPage);
      // pages started and not yet yielded (in flight or buffered), keyed by page number
      const window = new Map<number, Promise<Page<T>>>();
      let nextToStart = 2;
      const fill = (mustStart: number): void => {
        while (nextToStart <= lastPage && (window.size < limit || nextToStart <= mustStart)) {
          const pending = fetchWithBackoff(nextToStart);
          pending.catch(() => undefined);
          window.set(nextToStart, pending);
          nextToStart += 1;
        }
      };
      fill(0);
      yield { ...first, pageNum: 1 };
      for (let pageNum = 2; pageNum <= lastPage; pageNum += 1) {
        fill(pageNum);
        const page = await (window.get(pageNum) as Promise<Page<T>>);
        window.delete(pageNum);
        if (typeof page.totalCount === 'number' && page.totalCount !== total) {
          total = page.totalCount;
          lastPage = Math.max(pageNum, Math.ceil(total / options.itemsPerPage));
        }
        fill(0);
        yield { ...page, pageNum };
      }
    } else {
      yield { ...first, pageNum: 1 };
      let page: Page<T> = first;
      let pageNum = 1;
      while (hasNextPage(page, options.itemsPerPage)) {
        pageNum = nextPageNum(page, pageNum);
        page = await fetchWithBackoff(pageNum);
        yield { ...page, pageNum };
      }
    }
  } finally {
    controller.abort(new DOMException('The pagination walk ended.', 'AbortError'));
  }
}
