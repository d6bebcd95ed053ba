import {
  CHECKPOINT_COLUMNS,
  CHECKPOINT_FIT,
  CLUSTER_COLUMNS,
  CLUSTER_FIT,
  PROJECT_COLUMNS,
  type Column,
} from '../format/columns.js';
import type { FitOptions } from '../format/fit.js';
import { RESTORE_JOB_COLUMNS, RESTORE_JOB_FIT, RESTORE_POINT_COLUMNS, RESTORE_POINT_FIT } from '../format/restore-columns.js';
import { formatLocalTime } from '../format/time.js';
import type { RestoreJob } from '../source/restore-jobs.js';
import type { Checkpoint, ClusterRow, ProjectRow } from '../source/types.js';
import { AppendList, type Indexed } from './append-list.js';
import type { ListScreen, SortOrder } from './types.js';

/** The columns of a list screen. */
export function columnsOf(kind: ListScreen['kind']): ReadonlyArray<Column<never>> {
  switch (kind) {
    case 'projects':
      return PROJECT_COLUMNS;
    case 'clusters':
      return CLUSTER_COLUMNS;
    case 'checkpoints':
      return CHECKPOINT_COLUMNS;
    case 'restorePoints':
      return RESTORE_POINT_COLUMNS;
    case 'restoreJobs':
      return RESTORE_JOB_COLUMNS;
    default:
      return kind satisfies never;
  }
}

/** How a list screen's columns give way in a narrow terminal (see `fitWidths`). */
export function fitOf(kind: ListScreen['kind']): FitOptions {
  switch (kind) {
    case 'projects':
      return {};
    case 'clusters':
      return CLUSTER_FIT;
    case 'checkpoints':
      return CHECKPOINT_FIT;
    case 'restorePoints':
      return RESTORE_POINT_FIT;
    case 'restoreJobs':
      return RESTORE_JOB_FIT;
    default:
      return kind satisfies never;
  }
}

type Kind = ListScreen['kind'];

function rawSearchText(kind: Kind, row: unknown): string {
  if (kind === 'projects') {
    const p = row as ProjectRow;
    return `${p.id ?? ''} ${p.name ?? ''}`.toLowerCase();
  }
  if (kind === 'clusters') {
    const c = row as ClusterRow;
    return `${c.name ?? ''} ${c.id ?? ''} ${c.clusterType ?? ''} ${c.stateName ?? ''}`.toLowerCase();
  }
  if (kind === 'restorePoints' || kind === 'restoreJobs') {
    // Every column as shown (kind, status, size, …), the local time and the ISO one.
    const columns = columnsOf(kind) as ReadonlyArray<Column<unknown>>;
    const time = (row as RestoreJob).time;
    return `${columns.map((c) => c.display(row, 0)).join(' ')} ${time ?? ''} ${formatLocalTime(time)}`.toLowerCase();
  }
  const c = row as Checkpoint;
  const parts = (c.parts ?? []).map((p) => `${p.replicaSetName ?? ''} ${p.shardName ?? ''} ${p.typeName ?? ''}`).join(' ');
  const restorable = c.restorable === true ? 'restorable' : c.restorable === false ? 'not-restorable' : '';
  return `${c.id ?? ''} ${c.timestamp ?? ''} ${formatLocalTime(c.timestamp)} ${restorable} ${parts}`.toLowerCase();
}

/** Rows are immutable once loaded, so each row's search text is built once (per kind), not per keystroke. */
const searchTexts: Record<Kind, WeakMap<object, string>> = {
  projects: new WeakMap(),
  clusters: new WeakMap(),
  checkpoints: new WeakMap(),
  restorePoints: new WeakMap(),
  restoreJobs: new WeakMap(),
};

/** The text a filter matches against: ids, names, dates (ISO and local), restorable, part names. */
function searchText(kind: Kind, row: unknown): string {
  if (typeof row !== 'object' || row === null) return rawSearchText(kind, row);
  const cache = searchTexts[kind];
  let text = cache.get(row);
  if (text === undefined) {
    text = rawSearchText(kind, row);
    cache.set(row, text);
  }
  return text;
}

const termsOf = (filter: string): string[] =>
  filter
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');

const matches = (text: string, terms: readonly string[]): boolean =>
  terms.every((t) => (t === 'restorable' ? /(^| )restorable/.test(text) : text.includes(t)));

/** Indices `from` … `items.length - 1` whose search text matches every term, in API order. */
function matching(kind: Kind, items: Indexed<unknown>, terms: readonly string[], from: number): number[] {
  const indices: number[] = [];
  for (let i = from; i < items.length; i++)
    if (terms.length === 0 || matches(searchText(kind, items.at(i)), terms)) indices.push(i);
  return indices;
}

/** Sorts indices by a column's raw value (missing values last, ties in API order); keys computed once per row. */
function sortByColumn(kind: Kind, items: Indexed<unknown>, indices: number[], column: number): number[] {
  const col = columnsOf(kind)[column - 1];
  if (col === undefined) return indices;
  const keys = new Map<number, string | undefined>();
  for (const i of indices) {
    const raw = col.raw(items.at(i) as never);
    keys.set(i, raw === undefined ? undefined : String(raw));
  }
  return indices.sort((a, b) => {
    const x = keys.get(a);
    const y = keys.get(b);
    if (x === y) return a - b;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}

/** Every row of a list in reverse (newest first for checkpoints): no array, whatever the length. */
export class Reversed implements Indexed<number> {
  constructor(readonly length: number) {}
  at(row: number): number | undefined {
    return Number.isInteger(row) && row >= 0 && row < this.length ? this.length - 1 - row : undefined;
  }
}

/** Views already computed, per items value (a page load makes a new value; a value's rows never change). */
const views = new WeakMap<Indexed<unknown>, Map<string, Indexed<number> | null>>();
/** Views kept per items value: enough for typing and backspacing a filter, or cycling sorts. */
const VIEWS_PER_ITEMS = 16;

/**
 * Indices of `items` that match `filter` (case-insensitive substring; space-separated terms all
 * must match), ordered by the sort's column (0: API order), reversed when `descending`; `null` for
 * every row in API order (identity view). Memoised per (items, filter, sort).
 *
 * @example
 * computeView('checkpoints', items, 'restorable', { column: 0, descending: true })
 */
export function computeView(kind: Kind, items: Indexed<unknown>, filter: string, sort: SortOrder): Indexed<number> | null {
  const terms = termsOf(filter);
  if (terms.length === 0 && sort.column === 0) return sort.descending ? new Reversed(items.length) : null;
  const key = `${kind}\u0000${sort.column}\u0000${sort.descending ? 'd' : 'a'}\u0000${terms.join(' ')}`;
  let memo = views.get(items);
  if (memo === undefined) views.set(items, (memo = new Map<string, Indexed<number> | null>()));
  const known = memo.get(key);
  if (known !== undefined) return known;
  const ordered = sortByColumn(kind, items, matching(kind, items, terms, 0), sort.column);
  const view = AppendList.from(sort.descending ? ordered.reverse() : ordered);
  if (memo.size >= VIEWS_PER_ITEMS) memo.delete(memo.keys().next().value ?? '');
  memo.set(key, view);
  return view;
}

/**
 * The view after rows `from` … were appended to `items`, given the view `before` of the rows
 * before them: in API order ascending, only the new rows are filtered (a page load costs the page,
 * not the list); otherwise the view is computed again.
 *
 * @example
 * extendView('checkpoints', items, 'rs-1', { column: 0, descending: false }, list.view, oldLength)
 */
export function extendView(
  kind: Kind,
  items: Indexed<unknown>,
  filter: string,
  sort: SortOrder,
  before: Indexed<number> | null,
  from: number,
): Indexed<number> | null {
  const terms = termsOf(filter);
  if (sort.column !== 0 || sort.descending || before === null || terms.length === 0)
    return computeView(kind, items, filter, sort);
  return AppendList.from(before).append(matching(kind, items, terms, from));
}

/**
 * The row of `view` showing item `index`, or (when that item is not in the view) the row of the
 * nearest item after it in the view's order. O(1) for API order either way, a binary search for a
 * filter in API order, a scan for a column sort.
 *
 * @example
 * rowOfIndex(new Reversed(100), 99, { column: 0, descending: true }) // 0
 */
export function rowOfIndex(view: Indexed<number> | null, length: number, index: number, sort: SortOrder): number {
  if (view === null) return index;
  if (view instanceof Reversed) return length - 1 - index;
  if (sort.column !== 0) {
    for (let row = 0; row < view.length; row++) if (view.at(row) === index) return row;
    return 0;
  }
  // a filter in API order: indices ascending (or descending), so the first row at or past `index`
  let lo = 0;
  let hi = view.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = view.at(mid) ?? 0;
    if (sort.descending ? at > index : at < index) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, view.length - 1));
}
