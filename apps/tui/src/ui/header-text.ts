import { printable } from '../format/printable.js';
import { cacheOf, currentScreen, isListScreen } from '../state/selectors.js';
import type { BrowserState, ListScreen, Screen, SortOrder } from '../state/types.js';
import { columnsOf } from '../state/view.js';
import { cellWidth, ellipsize, ellipsizeStart } from '../format/fit.js';
import { cacheTexts } from './cache-text.js';

/** Where the data comes from, for the header. */
export interface SourceInfo {
  /** Atlas base URL, the proxy URL, or `DEMO`. */
  readonly label: string;
  readonly demo: boolean;
}

/** The header's first line, each part already fitted: the line is never wider than the terminal. */
export interface HeaderText {
  /** `atlas-checkpoints projects › prod › Cluster0`. */
  readonly title: string;
  /** The list's order (`newest first`, `RESTORABLE ↑`), or ''. */
  readonly order: string;
  /** ` DEMO ` in demo mode (never dropped), else the source URL (cut when short of room). */
  readonly source: string;
  /** The proxy's `Cache-Status` and `Age`, or ''. */
  readonly cache: string;
}

/** Breadcrumbs for the current stack: `projects`, `prod`, `Cluster0`, `65f…`. */
function breadcrumbs(stack: readonly Screen[]): string[] {
  const top = stack[stack.length - 1];
  if (top === undefined) return [];
  const crumbs = ['projects'];
  if (top.kind !== 'projects') crumbs.push(top.projectName);
  if (top.kind !== 'projects' && top.kind !== 'clusters') crumbs.push(top.clusterName);
  if (top.kind === 'restorePoints') crumbs.push('restore points');
  if (top.kind === 'restoreJobs') crumbs.push('restore jobs');
  if (top.kind === 'detail') crumbs.push(top.checkpointId);
  if (top.kind === 'record') crumbs.push(top.record.id);
  return crumbs.map(printable);
}

const SEPARATOR = ' › ';

/**
 * The title in at most `width` cells, keeping its end (where you are): the whole title, else the
 * breadcrumbs (without the app's name) cut from the start.
 *
 * @example
 * fitTitle(['projects', 'prod', 'Cluster0', 'restore points'], 30) // '…d › Cluster0 › restore points'
 */
export function fitTitle(crumbs: readonly string[], width: number): string {
  const title = `atlas-checkpoints ${crumbs.join(SEPARATOR)}`;
  return cellWidth(title) <= width ? title : ellipsizeStart(crumbs.join(SEPARATOR), width);
}

/**
 * A list's order in words: checkpoints in API order read `oldest first` / `newest first`; a column
 * sort reads `<COLUMN> ↑` / `↓`.
 *
 * @example
 * orderLabel('checkpoints', { column: 0, descending: true }) // 'newest first'
 */
function orderLabel(kind: ListScreen['kind'], sort: SortOrder): string {
  if (sort.column === 0) {
    if (kind === 'checkpoints') return sort.descending ? 'newest first' : 'oldest first';
    // Restore points and jobs are read newest first.
    if (kind === 'restorePoints' || kind === 'restoreJobs') return sort.descending ? 'oldest first' : 'newest first';
    return sort.descending ? 'API order ↓' : 'API order';
  }
  return `${columnsOf(kind)[sort.column - 1]?.header ?? '?'} ${sort.descending ? '↓' : '↑'}`;
}

const GAP = 2;

/**
 * The header's first line fitted to `width` cells: the title keeps at least 60% of the line; the
 * whole cache info goes first, then the order, then the source URL is cut; DEMO always stays. The
 * proxy's short cache info (`cache hit · age 21s`) then shows while the title keeps 40%. A title
 * still too long loses its start (`…harded-legacy › restore points`), never the current location.
 *
 * @example
 * headerText(state, { label: 'http://127.0.0.1:8080', demo: false }, 60)
 */
export function headerText(state: BrowserState, source: SourceInfo, width: number): HeaderText {
  const screen = currentScreen(state);
  const crumbs = breadcrumbs(state.stack);
  const title = `atlas-checkpoints ${crumbs.join(SEPARATOR)}`;
  // The order is always worth saying for checkpoints (newest or oldest first); elsewhere only when not the API's.
  const sort = isListScreen(screen) ? screen.list.sort : undefined;
  let order =
    isListScreen(screen) &&
    sort !== undefined &&
    (screen.kind === 'checkpoints' ||
      screen.kind === 'restorePoints' ||
      screen.kind === 'restoreJobs' ||
      sort.column !== 0 ||
      sort.descending)
      ? orderLabel(screen.kind, sort)
      : '';
  // The current screen's own cache info: the whole Cache-Status when the title still fits whole beside it.
  const [fullCache = '', shortCache = ''] = cacheTexts(cacheOf(state));
  let cache = fullCache;
  let label = source.demo ? ' DEMO ' : printable(source.label);
  const rightWidth = (): number =>
    [order, label, cache].filter((p) => p !== '').reduce((sum, p, i) => sum + cellWidth(p) + (i > 0 ? 1 : 0), 0);
  const titleRoom = (): number => width - GAP - rightWidth();
  // The title keeps at least 60% of the line (or 24 cells): where you are matters as much as where from.
  const minTitle = Math.min(cellWidth(title), Math.max(24, Math.floor(width * 0.6)));
  if (titleRoom() < cellWidth(title)) cache = '';
  if (titleRoom() < minTitle) order = '';
  if (!source.demo && titleRoom() < minTitle) label = ellipsize(label, Math.max(0, width - GAP - minTitle));
  // Short of room for the whole Cache-Status: its short form, while the title keeps 40% of the line.
  if (cache === '' && shortCache !== '') {
    cache = shortCache;
    if (titleRoom() < Math.min(cellWidth(title), Math.max(24, Math.floor(width * 0.4)))) cache = '';
  }
  // Cut from the start: the end of the breadcrumbs is where you are.
  return { title: fitTitle(crumbs, Math.max(0, Math.min(cellWidth(title), titleRoom()))), order, source: label, cache };
}
