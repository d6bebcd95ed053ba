import type { ResponseInfo } from '../client/options.js';
import type { Page } from '../schemas/paginated.js';

/** The paging parameters `paginate` sets on every call of the list function. */
export interface PageRequest {
  pageNum?: number | undefined;
  itemsPerPage?: number | undefined;
  includeCount?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /** Hears every HTTP response of the call (the client's retries included); the walk slows down on a 429. */
  onResponse?: ((info: ResponseInfo) => void) | undefined;
}

/** A list method such as `client.listClusterBackupCheckpoints`. */
export type ListFn<P extends PageRequest, T> = (params: P) => Promise<Page<T>>;

/** A page as `.pages()` yields it: its `pageNum`, and `results` without items seen on earlier pages. */
export type NumberedPage<T> = Page<T> & { pageNum: number };

/** Progress after each page: items yielded so far and the latest `totalCount` (when known). */
export interface PaginationProgress {
  loaded: number;
  total: number | undefined;
}

/**
 * Options of `paginate`.
 *
 * @example
 * paginate(client.listClusters, { groupId }, { itemsPerPage: 100, concurrency: 4, onProgress: ({ loaded, total }) => draw(loaded, total) });
 */
export interface PaginateOptions {
  /** Page size, 1..500 (default 500). */
  itemsPerPage?: number;
  /** Pages fetched in parallel once `totalCount` is known, 1..32 (default 1); halved on a 429. */
  concurrency?: number;
  /** Ask for `totalCount` (default true); false follows `next` links one page at a time. */
  includeCount?: boolean;
  /** Called after each page is yielded. */
  onProgress?: (progress: PaginationProgress) => void;
  /** Aborts the walk and every in-flight request. */
  signal?: AbortSignal;
}

/**
 * What happened during the latest walk (complete once the walk ends).
 *
 * @example
 * if (it.report.totalCountChanged) console.warn(`the list changed during the walk (${it.report.initialTotal} → ${it.report.finalTotal})`);
 */
export interface PaginationReport {
  pagesFetched: number;
  itemsYielded: number;
  /** Items whose `id` had already been yielded (the list shifted between page fetches). */
  duplicatesDropped: number;
  /** `totalCount` differed between pages. */
  totalCountChanged: boolean;
  /**
   * `totalCount` was low: the page it implied was the last was full and linked to a `next` page,
   * so the walk went on by links (the spec calls the count an estimate).
   */
  totalCountLow: boolean;
  initialTotal?: number;
  finalTotal?: number;
}

/**
 * The result of `paginate`: an `AsyncIterable` of items, plus pages, collection and a report.
 *
 * @example
 * const it = paginate(client.listProjects, {});
 * const projects = await it.toArray({ limit: 1_000 });
 */
export interface Paginator<T> extends AsyncIterable<T> {
  /** Iterates pages (in order, de-duplicated) instead of items. */
  pages(): AsyncIterableIterator<NumberedPage<T>>;
  /** Collects at most `limit` items (required) and aborts the rest of the walk. */
  toArray(options: { limit: number }): Promise<T[]>;
  /** A snapshot of the latest walk's report. */
  readonly report: PaginationReport;
}
