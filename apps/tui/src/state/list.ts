import type { PageOf } from '../source/types.js';
import { AppendList } from './append-list.js';
import type { ListData, ListScreen } from './types.js';
import { computeView, extendView } from './view.js';

/** A list nothing has been loaded into yet. */
export function emptyList<T>(): ListData<T> {
  return {
    items: AppendList.empty<T>(),
    totalCount: undefined,
    pagesLoaded: 0,
    hasMore: true,
    pending: undefined,
    error: undefined,
    view: null,
    cursor: 0,
    offset: 0,
    filter: '',
    sort: 0,
  };
}

/** Rows in the list's current view. */
export function viewLength(list: ListData<unknown>): number {
  return list.view?.length ?? list.items.length;
}

/** The item under view row `row`. */
export function itemAt<T>(list: ListData<T>, row: number): T | undefined {
  const index = list.view === null ? row : list.view.at(row);
  return index === undefined ? undefined : list.items.at(index);
}

/** One row in view: its position in the view, the index of its item in `items`, and the item. */
export interface VisibleRow<T> {
  readonly row: number;
  readonly index: number;
  readonly item: T;
}

/**
 * The rows in view, `offset` … `offset + height - 1` (at most `height`, whatever the list's length).
 *
 * @example
 * visibleRows(list, 24).map(({ item }) => item)
 */
export function visibleRows<T>(list: ListData<T>, height: number): Array<VisibleRow<T>> {
  const rows: Array<VisibleRow<T>> = [];
  const end = Math.min(viewLength(list), list.offset + Math.max(0, height));
  for (let row = list.offset; row < end; row++) {
    const index = list.view === null ? row : list.view.at(row);
    const item = index === undefined ? undefined : list.items.at(index);
    if (index !== undefined && item !== undefined) rows.push({ row, index, item });
  }
  return rows;
}

/** Moves the cursor to `target` (clamped) and scrolls so it stays within `height` visible rows. */
export function moveTo<T>(list: ListData<T>, target: number, height: number): ListData<T> {
  const last = Math.max(0, viewLength(list) - 1);
  const cursor = Math.min(last, Math.max(0, target));
  let offset = Math.min(list.offset, Math.max(0, last - height + 1));
  if (cursor < offset) offset = cursor;
  if (cursor >= offset + height) offset = cursor - height + 1;
  return cursor === list.cursor && offset === list.offset ? list : { ...list, cursor, offset };
}

/** Recomputes the view after items, filter or sort changed, keeping the cursor in range. */
export function reView<T>(kind: ListScreen['kind'], list: ListData<T>, height: number): ListData<T> {
  const view = computeView(kind, list.items, list.filter, list.sort);
  return moveTo({ ...list, view }, list.cursor, height);
}

/** Whether a list page says more pages exist. */
function pageHasMore(page: PageOf<unknown>, loadedAfter: number): boolean {
  if (page.totalCount !== undefined) return loadedAfter < page.totalCount && page.results.length > 0;
  if (page.links !== undefined) return page.links.some((l) => l.rel === 'next');
  return false;
}

/** Appends one loaded page. */
export function appendPage<T>(kind: ListScreen['kind'], list: ListData<T>, page: PageOf<unknown>, height: number): ListData<T> {
  const items = AppendList.from(list.items).append(page.results as readonly T[]);
  const next: ListData<T> = {
    ...list,
    items,
    totalCount: page.totalCount ?? list.totalCount,
    pagesLoaded: list.pagesLoaded + 1,
    hasMore: pageHasMore(page, items.length),
    pending: undefined,
    error: undefined,
  };
  if (list.filter === '' && list.sort === 0) return moveTo(next, next.cursor, height);
  const view = extendView(kind, items, list.filter, list.sort, list.view, list.items.length);
  return moveTo({ ...next, view }, next.cursor, height);
}
