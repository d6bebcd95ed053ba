import type { PageOf } from '../source/types.js';
import { PageWindow } from './page-window.js';
import type { ListData, ListScreen, Place, SortOrder } from './types.js';
import { computeView, extendView, Reversed, rowOfIndex } from './view.js';

/**
 * The order a list opens in: checkpoints newest first (the API sends them oldest first), the rest as
 * read (restore points and restore jobs are read newest first).
 */
export function defaultSort(kind: ListScreen['kind']): SortOrder {
  return { column: 0, descending: kind === 'checkpoints' };
}

/** A list nothing has been loaded into yet. */
export function emptyList<T>(sort: SortOrder = { column: 0, descending: false }): ListData<T> {
  return {
    items: PageWindow.empty<T>(),
    totalCount: undefined,
    pagesLoaded: 0,
    hasMore: true,
    pending: undefined,
    error: undefined,
    view: sort.descending && sort.column === 0 ? new Reversed(0) : null,
    cursor: 0,
    offset: 0,
    filter: '',
    sort,
    jump: undefined,
    newer: 0,
    newFrom: undefined,
    keep: undefined,
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
  if (cursor === list.cursor && offset === list.offset) return list;
  // Newer rows above the screen are seen once the screen scrolls up to them.
  return { ...list, cursor, offset, newer: Math.min(list.newer, offset) };
}

/**
 * Puts the cursor back on the item it was on before `items`, filter or sort changed (`shift`: rows
 * added before it), keeping its place on screen; the nearest row when that item left the view.
 */
function keepSelection<T>(before: ListData<T>, after: ListData<T>, shift: number, height: number): ListData<T> {
  if (before.items.length === 0 || viewLength(before) === 0) return moveTo({ ...after, cursor: 0, offset: 0 }, 0, height);
  const index = (before.view === null ? before.cursor : before.view.at(before.cursor)) ?? 0;
  const row = rowOfIndex(after.view, after.items.length, index + shift, after.sort);
  const offset = Math.max(0, before.offset + (row - before.cursor));
  return moveTo({ ...after, offset }, row, height);
}

/** Recomputes the view after the filter or sort changed; `keep` holds the cursor on the same item. */
export function reView<T>(kind: ListScreen['kind'], list: ListData<T>, height: number, keep = false, before = list): ListData<T> {
  const view = computeView(kind, list.items, list.filter, list.sort);
  const next = { ...list, view };
  return keep ? keepSelection(before, next, 0, height) : moveTo({ ...next, cursor: 0, offset: 0 }, 0, height);
}

/** Whether a list page says more pages exist after it. */
function pageHasMore(page: PageOf<unknown>, rowsThrough: number, totalCount: number | undefined): boolean {
  if (totalCount !== undefined) return rowsThrough < totalCount && page.results.length > 0;
  if (page.links !== undefined) return page.links.some((l) => l.rel === 'next');
  return false;
}

/** After a jump's page: the cursor at its end. After a refresh's: on the kept id (searched in that page), else the same row. */
function landing<T>(list: ListData<T>, place: Place, rows: readonly T[], height: number): ListData<T> {
  if (place !== 'replace') return list;
  if (list.jump !== undefined) {
    const target = list.jump.cursor === 'top' ? 0 : viewLength(list) - 1;
    return moveTo({ ...list, jump: undefined, cursor: target, offset: Math.max(0, target - height + 1) }, target, height);
  }
  const { keep } = list;
  if (keep === undefined) return list;
  const found = rows.findIndex((r) => idOf(r) === keep.id);
  const row = found < 0 ? keep.row : rowOfIndex(list.view, list.items.length, found, list.sort);
  return moveTo({ ...list, keep: undefined, offset: Math.max(0, row - keep.row) }, row, height);
}

const idOf = (row: unknown): unknown => (row as { id?: unknown } | null)?.id;

/**
 * Rows new since a refresh (ids not loaded before, at API index `newFrom` or later) that landed
 * above the screen, added to those still unseen.
 */
function newerAbove<T>(
  before: ListData<T>,
  after: ListData<T>,
  rows: readonly T[],
  at: { readonly firstApiIndex: number; readonly pageSize: number },
): number {
  // Above or below only means newer or older in the API's order, unfiltered.
  const from = after.newFrom;
  if (from === undefined || after.sort.column !== 0 || after.filter !== '') return after.newer;
  const known = new Set<unknown>();
  for (let i = 0; i < before.items.length; i++) known.add(idOf(before.items.at(i)));
  const windowStart = (after.items.firstPage - 1) * at.pageSize;
  let fresh = 0;
  rows.forEach((r, i) => {
    const id = idOf(r);
    const apiIndex = at.firstApiIndex + i;
    if (apiIndex < from || id === undefined || known.has(id)) return;
    const index = apiIndex - windowStart;
    if (index >= 0 && rowOfIndex(after.view, after.items.length, index, after.sort) < after.offset) fresh += 1;
  });
  return Math.min(after.offset, after.newer + fresh);
}

/**
 * Adds one loaded page (numbered for `pageSize`): `replace` starts the window at it (a first load, a
 * jump, a refresh), `append` puts it after what is loaded, `prepend` before. The cursor stays on the
 * item it was on (a jump or a refresh places it instead); the view is extended or recomputed.
 */
export function addPage<T>(
  kind: ListScreen['kind'],
  list: ListData<T>,
  loaded: { readonly page: PageOf<unknown>; readonly pageNum: number; readonly place: Place; readonly pageSize: number },
  height: number,
): ListData<T> {
  const { page, pageNum, pageSize } = loaded;
  const rows = page.results as readonly T[];
  const replaced = loaded.place === 'replace' || list.items.length === 0;
  const place: Place = replaced ? 'replace' : loaded.place;
  const items =
    place === 'replace' ? PageWindow.of(rows, pageNum) : place === 'append' ? list.items.append(rows) : list.items.prepend(rows);
  const totalCount = page.totalCount ?? list.totalCount;
  const hasMore = place === 'prepend' ? list.hasMore : pageHasMore(page, (pageNum - 1) * pageSize + rows.length, totalCount);
  const view =
    place === 'append'
      ? extendView(kind, items, list.filter, list.sort, list.view, list.items.length)
      : computeView(kind, items, list.filter, list.sort);
  const next: ListData<T> = {
    ...list,
    items,
    view,
    totalCount,
    pagesLoaded: list.pagesLoaded + 1,
    hasMore,
    pending: undefined,
    error: undefined,
  };
  const placed =
    place === 'replace'
      ? moveTo({ ...next, cursor: 0, offset: 0 }, 0, height)
      : keepSelection(list, next, place === 'prepend' ? rows.length : 0, height);
  const landed = landing(placed, place, rows, height);
  // A refresh that finds the list grown: rows from the old count on are new.
  const grew = list.keep !== undefined && list.totalCount !== undefined && (totalCount ?? 0) > list.totalCount;
  const marked = grew && landed.newFrom === undefined ? { ...landed, newFrom: list.totalCount } : landed;
  return { ...marked, newer: newerAbove(list, marked, rows, { firstApiIndex: (pageNum - 1) * pageSize, pageSize }) };
}
