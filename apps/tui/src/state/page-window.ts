import type { Indexed } from './append-list.js';

/**
 * A contiguous run of a list's pages, `firstPage` … `lastPage` (numbered for one page size), in API
 * order, that grows at either end: the browser reads a cluster's checkpoints from the last page
 * backwards (newest first) and jumps straight to either end. Immutable: `append` and `prepend` return a
 * new window sharing the pages (cost proportional to the number of pages, not of rows); `at(i)` is a
 * binary search over page starts.
 *
 * @example
 * const w = PageWindow.of([c9, c10], 5).prepend([c7, c8], 4); // w.firstPage === 4, w.at(0) === c7
 */
export class PageWindow<T> implements Indexed<T> {
  readonly #pages: ReadonlyArray<readonly T[]>;
  /** Index of each page's first row. */
  readonly #starts: readonly number[];
  readonly length: number;
  /** Page number of the first page held (0 when empty). */
  readonly firstPage: number;
  /** Page number of the last page held (0 when empty). */
  readonly lastPage: number;

  private constructor(pages: ReadonlyArray<readonly T[]>, firstPage: number) {
    this.#pages = pages;
    const starts: number[] = [];
    let length = 0;
    for (const page of pages) {
      starts.push(length);
      length += page.length;
    }
    this.#starts = starts;
    this.length = length;
    this.firstPage = pages.length === 0 ? 0 : firstPage;
    this.lastPage = pages.length === 0 ? 0 : firstPage + pages.length - 1;
  }

  /** An empty window. */
  static empty<T>(): PageWindow<T> {
    return new PageWindow<T>([], 0);
  }

  /** A window holding one page. */
  static of<T>(rows: readonly T[], pageNum: number): PageWindow<T> {
    return new PageWindow([rows], pageNum);
  }

  /** The row at `index`, or `undefined` outside `0 … length - 1`. */
  at(index: number): T | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.#pages[lo]?.[index - (this.#starts[lo] ?? 0)];
  }

  /** The window with page `lastPage + 1` after it. */
  append(rows: readonly T[]): PageWindow<T> {
    return this.length === 0 && this.#pages.length === 0
      ? PageWindow.of(rows, 1)
      : new PageWindow([...this.#pages, rows], this.firstPage);
  }

  /** The window with page `firstPage - 1` before it. */
  prepend(rows: readonly T[]): PageWindow<T> {
    return new PageWindow([rows, ...this.#pages], Math.max(1, this.firstPage - 1));
  }
}
