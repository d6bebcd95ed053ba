import { isRestoreJobRunning } from '../source/restore-jobs.js';
import { itemAt, viewLength } from './list.js';
import type { BrowserState, CacheInfo, ListData, ListScreen, Place, RecordScreen, Screen } from './types.js';
import { columnsOf } from './view.js';

/**
 * What the browser draws around a list at a terminal height: header lines (title, rule), the column
 * titles, status lines, and the rows of the list. The frame always stays at least one line shorter
 * than the terminal: Ink clears the screen and the scrollback on every frame that fills it.
 */
export interface Layout {
  readonly header: 0 | 1 | 2;
  readonly columnTitles: boolean;
  readonly status: 0 | 1 | 2;
  readonly rows: number;
}

/**
 * The layout for a terminal `rows` high: full from 10 rows (header 2, titles, status 2, a spare line),
 * compact below (one header line, one status line), just the title and rows under 5, one row under 3.
 *
 * @example
 * layoutFor(6) // { header: 1, columnTitles: true, status: 1, rows: 2 }
 */
export function layoutFor(rows: number): Layout {
  if (rows >= 10) return { header: 2, columnTitles: true, status: 2, rows: rows - 6 };
  if (rows >= 5) return { header: 1, columnTitles: true, status: 1, rows: rows - 4 };
  if (rows >= 3) return { header: 1, columnTitles: false, status: 0, rows: rows - 2 };
  return { header: 0, columnTitles: false, status: 0, rows: 1 };
}
/** Start fetching the next page when the cursor is this close to the end of what is loaded. */
export const PREFETCH_MARGIN = 50;

/**
 * The proxy's cache answer to the current screen's latest request, when it made one: not another
 * screen's (going back shows that screen's own, or none).
 */
export function cacheOf(state: BrowserState): CacheInfo | undefined {
  return state.cache[currentScreen(state).id];
}

/** The screen on top of the stack. */
export function currentScreen(state: BrowserState): Screen {
  const screen = state.stack[state.stack.length - 1];
  if (screen === undefined) throw new Error('browser stack is empty');
  return screen;
}

/** How many list rows fit on screen. */
export function listHeight(state: BrowserState): number {
  return layoutFor(state.viewport.rows).rows;
}

/** Which page of a list to read, and where it goes; `last` is found by core's `readLastPage`. */
interface PagePlan {
  readonly pageNum: number | 'last';
  readonly place: Place;
  /** The count known so far, so the last page is read directly. */
  readonly totalCount: number | undefined;
}

/** What the browser should fetch next, if anything. */
export type FetchRequest =
  | ({ readonly kind: 'projects'; readonly screenId: number } & PagePlan)
  | ({ readonly kind: 'clusters'; readonly screenId: number; readonly groupId: string } & PagePlan)
  | ({
      readonly kind: 'checkpoints';
      readonly screenId: number;
      readonly groupId: string;
      readonly clusterName: string;
    } & PagePlan)
  | ({
      readonly kind: 'restorePoints';
      readonly screenId: number;
      readonly groupId: string;
      readonly clusterName: string;
    } & PagePlan)
  | ({
      readonly kind: 'restoreJobs';
      readonly screenId: number;
      readonly groupId: string;
      readonly clusterName: string;
    } & PagePlan)
  | {
      readonly kind: 'record';
      readonly screenId: number;
      readonly groupId: string;
      readonly clusterName: string;
      readonly recordKind: RecordScreen['record']['kind'];
      readonly id: string;
    }
  | {
      readonly kind: 'detail';
      readonly screenId: number;
      readonly groupId: string;
      readonly clusterName: string;
      readonly checkpointId: string;
    };

/** Whether every row of the list is loaded. */
function fullyLoaded(list: ListData<unknown>): boolean {
  return list.pagesLoaded > 0 && !list.hasMore && list.items.firstPage <= 1;
}

/**
 * The page a list needs next: the first one (the last page first for newest-first), a jump's, a
 * refresh's, every page for a column sort, enough for a filter to fill the screen, or the next one
 * toward whichever end of the view the cursor nears.
 */
function planFor(list: ListData<unknown>, height: number): PagePlan | undefined {
  const totalCount = list.totalCount;
  const plan = (pageNum: number | 'last', place: Place): PagePlan => ({ pageNum, place, totalCount });
  if (list.jump !== undefined) return plan(list.jump.page === 'first' ? 1 : 'last', 'replace');
  if (list.keep !== undefined) return plan(list.keep.pageNum, 'replace');
  if (list.pagesLoaded === 0 || list.items.length === 0) {
    if (!list.hasMore && list.pagesLoaded > 0) return undefined;
    return plan(list.sort.column === 0 && list.sort.descending ? 'last' : 1, 'replace');
  }
  const after = list.hasMore ? plan(list.items.lastPage + 1, 'append') : undefined;
  const before = list.items.firstPage > 1 ? plan(list.items.firstPage - 1, 'prepend') : undefined;
  if (list.sort.column !== 0) return after ?? before;
  const [towardEnd, towardStart] = list.sort.descending ? [before, after] : [after, before];
  const length = viewLength(list);
  const margin = list.filter === '' ? PREFETCH_MARGIN : height;
  if (towardEnd !== undefined && (length < list.offset + height || list.cursor + margin >= length)) return towardEnd;
  if (towardStart !== undefined && list.cursor < margin) return towardStart;
  return undefined;
}

/** Whether the screen on top is waiting for a response. */
function busy(screen: Screen): boolean {
  return isListScreen(screen) ? screen.list.pending !== undefined : screen.pending !== undefined;
}

/**
 * Opened by `--groupId`, the levels above know the project by its id only: once the screen on top
 * is idle, the projects list's first page is read for its name (the id stays when it is not there).
 *
 * @example
 * const request = nextRequest(state) ?? projectNameRequest(state);
 */
export function projectNameRequest(state: BrowserState): FetchRequest | undefined {
  const projects = state.stack[0];
  if (projects?.kind !== 'projects' || state.stack.length < 2) return undefined;
  if (busy(currentScreen(state)) || nextRequest(state) !== undefined) return undefined;
  const { list } = projects;
  if (list.pagesLoaded > 0 || list.pending !== undefined || list.error !== undefined) return undefined;
  const unnamed = state.stack.some((s) => s.kind !== 'projects' && s.projectName === s.groupId);
  return unnamed ? { kind: 'projects', screenId: projects.id, pageNum: 1, place: 'replace', totalCount: undefined } : undefined;
}

/**
 * The request the current screen needs (see the list rules above), or the checkpoint of a detail
 * screen opened by id. `undefined` while one is in flight or after an error.
 *
 * @example
 * const request = nextRequest(state); if (request) fetchFor(request)
 */
export function nextRequest(state: BrowserState): FetchRequest | undefined {
  const screen = currentScreen(state);
  if (screen.kind === 'detail') {
    if (screen.checkpoint !== undefined || screen.pending !== undefined || screen.error !== undefined) return undefined;
    const { groupId, clusterName, checkpointId } = screen;
    return { kind: 'detail', screenId: screen.id, groupId, clusterName, checkpointId };
  }
  if (screen.kind === 'record') {
    if (!screen.stale || screen.pending !== undefined || screen.error !== undefined) return undefined;
    const { groupId, clusterName, record } = screen;
    return { kind: 'record', screenId: screen.id, groupId, clusterName, recordKind: record.kind, id: record.id };
  }
  const list = screen.list;
  if (list.pending !== undefined || list.error !== undefined) return undefined;
  const plan = planFor(list, listHeight(state));
  if (plan === undefined) return undefined;
  switch (screen.kind) {
    case 'projects':
      return { kind: 'projects', screenId: screen.id, ...plan };
    case 'clusters':
      return { kind: 'clusters', screenId: screen.id, groupId: screen.groupId, ...plan };
    case 'checkpoints':
    case 'restorePoints':
    case 'restoreJobs':
      return { kind: screen.kind, screenId: screen.id, groupId: screen.groupId, clusterName: screen.clusterName, ...plan };
    default:
      return screen satisfies never;
  }
}

/**
 * What the list is loading beyond the screen and why, for the status line: every row for a column
 * sort, more rows for a filter, a jump to an end; `undefined` when it loads nothing or only prefetches.
 *
 * @example
 * loadingReason(state) // 'sorting by RESTORABLE needs every row: loading 1,200 of 100,000…'
 */
export function loadingReason(state: BrowserState): string | undefined {
  const screen = currentScreen(state);
  if (!isListScreen(screen)) return undefined;
  const { list } = screen;
  if (list.error !== undefined) return undefined;
  const count = (n: number | undefined): string => (n === undefined ? '?' : n.toLocaleString('en-US'));
  const progress = `${count(list.items.length)} of ${count(list.totalCount)}`;
  // A column sort loads page after page: said until every row is in, also between two pages.
  if (list.sort.column !== 0 && list.pagesLoaded > 0 && !fullyLoaded(list) && list.jump === undefined) {
    const header = columnsOf(screen.kind)[list.sort.column - 1]?.header ?? '';
    return `sorting by ${header} needs every row: loading ${progress}…`;
  }
  if (list.pending === undefined) return undefined;
  if (list.jump !== undefined) return `going to the ${list.jump.cursor === 'bottom' ? 'end' : 'top'}: reading its page…`;
  if (list.filter !== '' && list.pagesLoaded > 0 && viewLength(list) < list.offset + listHeight(state))
    return `filtering rows not loaded yet: searched ${progress}…`;
  return undefined;
}

/** The item under the cursor (or the checkpoint shown), for `enter` and `y`. */
export function selectedItem(state: BrowserState): unknown {
  const screen = currentScreen(state);
  if (screen.kind === 'detail') return screen.checkpoint;
  if (screen.kind === 'record') return screen.record;
  return itemAt<unknown>(screen.list, screen.list.cursor);
}

/**
 * What `y` copies: the selection as Atlas sent it (a restore point's or job's `document`, not the
 * browser's wrapper around it).
 */
export function copyableItem(state: BrowserState): unknown {
  const screen = currentScreen(state);
  const item = selectedItem(state);
  const wrapped = screen.kind === 'record' || screen.kind === 'restorePoints' || screen.kind === 'restoreJobs';
  return wrapped && item !== undefined ? (item as { document: unknown }).document : item;
}

/**
 * True while the screen shows a restore job that may still change (a list of jobs with one running,
 * or a running job): the browser then re-reads it on an interval.
 *
 * @example
 * if (pollsRunningJob(state)) setTimeout(() => dispatch({ type: 'refresh', auto: true }), 2000);
 */
export function pollsRunningJob(state: BrowserState): boolean {
  const screen = currentScreen(state);
  if (screen.kind === 'record')
    return (
      (screen.record.kind === 'cloudRestoreJob' || screen.record.kind === 'legacyRestoreJob') &&
      isRestoreJobRunning(screen.record)
    );
  if (screen.kind !== 'restoreJobs') return false;
  const { items } = screen.list;
  for (let i = 0; i < items.length; i++) {
    const job = items.at(i);
    if (job !== undefined && isRestoreJobRunning(job)) return true;
  }
  return false;
}

/** True when the screen is a list. */
export function isListScreen(screen: Screen): screen is ListScreen {
  return screen.kind !== 'detail' && screen.kind !== 'record';
}
