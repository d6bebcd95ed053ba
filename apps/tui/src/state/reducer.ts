import type { RestoreJob } from '../source/restore-jobs.js';
import type { Checkpoint, ClusterRow, ProjectRow, RestorePoint } from '../source/types.js';
import type { Action } from './actions.js';
import { clusterScreen, isClusterView, stepView } from './cluster-views.js';
import { keyToCommand } from './keymap.js';
import { addPage, emptyList, moveTo, reView, viewLength } from './list.js';
import { copyableItem, currentScreen, isListScreen, listHeight, selectedItem } from './selectors.js';
import { columnsOf } from './view.js';
import type { BrowserState, CacheInfo, DetailScreen, Jump, ListData, ListScreen, RecordScreen, Screen } from './types.js';
import { detailLines } from '../format/detail-lines.js';
import { recordLines } from '../format/record-lines.js';

const replaceTop = (state: BrowserState, screen: Screen): BrowserState => ({
  ...state,
  stack: [...state.stack.slice(0, -1), screen],
});

const updateList = (
  state: BrowserState,
  update: (list: ListData<unknown>, screen: ListScreen) => ListData<unknown>,
): BrowserState => {
  const screen = currentScreen(state);
  if (!isListScreen(screen)) return state;
  const list = update(screen.list, screen);
  return list === screen.list ? state : replaceTop(state, { ...screen, list } as ListScreen);
};

const updateScreen = (state: BrowserState, screenId: number, update: (screen: Screen) => Screen): BrowserState => {
  const index = state.stack.findIndex((s) => s.id === screenId);
  const screen = state.stack[index];
  if (screen === undefined) return state;
  const stack = [...state.stack];
  stack[index] = update(screen);
  return { ...state, stack };
};

const moveBy = (state: BrowserState, delta: number): BrowserState => {
  const screen = currentScreen(state);
  if (!isListScreen(screen)) return replaceTop(state, { ...screen, scroll: clampScroll(state, screen, screen.scroll + delta) });
  return updateList(state, (list) => moveTo(list, list.cursor + delta, listHeight(state)));
};

const push = (state: BrowserState, screen: Screen): BrowserState => ({
  ...state,
  stack: [...state.stack, screen],
  nextId: state.nextId + 1,
  notice: undefined,
});

const open = (state: BrowserState): BrowserState => {
  const screen = currentScreen(state);
  const id = state.nextId;
  const item = selectedItem(state);
  if (item === undefined) return state;
  switch (screen.kind) {
    case 'projects': {
      const project = item as ProjectRow;
      if (project.id === undefined) return state;
      return push(state, {
        kind: 'clusters',
        id,
        groupId: project.id,
        projectName: project.name ?? project.id,
        list: emptyList(),
      });
    }
    case 'clusters': {
      const cluster = item as ClusterRow;
      if (cluster.name === undefined) return state;
      const { groupId, projectName } = screen;
      return push(state, clusterScreen('restorePoints', id, { groupId, projectName, clusterName: cluster.name }));
    }
    case 'checkpoints':
      return openCheckpoint(state, screen, item as Checkpoint);
    case 'restorePoints': {
      const point = item as RestorePoint;
      if (point.kind === 'checkpoint') return openCheckpoint(state, screen, point.document);
      return openRecord(state, screen, point);
    }
    case 'restoreJobs':
      return openRecord(state, screen, item as RestoreJob);
    case 'detail':
    case 'record':
      return state;
    default:
      return screen satisfies never;
  }
};

type InCluster = { readonly groupId: string; readonly projectName: string; readonly clusterName: string };

const openCheckpoint = (state: BrowserState, at: InCluster, checkpoint: Checkpoint): BrowserState => {
  if (checkpoint.id === undefined) return state;
  const { groupId, projectName, clusterName } = at;
  return push(state, {
    kind: 'detail',
    id: state.nextId,
    groupId,
    projectName,
    clusterName,
    checkpointId: checkpoint.id,
    checkpoint,
    pending: undefined,
    error: undefined,
    scroll: 0,
  });
};

const openRecord = (state: BrowserState, at: InCluster, record: RecordScreen['record']): BrowserState => {
  const { groupId, projectName, clusterName } = at;
  return push(state, {
    kind: 'record',
    id: state.nextId,
    groupId,
    projectName,
    clusterName,
    record,
    stale: false,
    pending: undefined,
    error: undefined,
    scroll: 0,
  });
};

/** `tab`: the cluster's next view in place of this one (the same level: `esc` goes back to the clusters). */
const nextView = (state: BrowserState, direction: 1 | -1): BrowserState => {
  const screen = currentScreen(state);
  if (!isClusterView(screen.kind) || !('clusterName' in screen)) return state;
  const { groupId, projectName, clusterName } = screen;
  const next = clusterScreen(stepView(screen.kind, direction), state.nextId, { groupId, projectName, clusterName });
  return { ...replaceTop(state, next), nextId: state.nextId + 1, filterDraft: undefined, notice: undefined };
};

/** A new filter: typing moves the cursor to the first match; clearing it keeps the selection. */
const setFilter = (state: BrowserState, filter: string): BrowserState =>
  updateList(state, (list, screen) =>
    list.filter === filter ? list : reView(screen.kind, { ...list, filter }, listHeight(state), filter === '', list),
  );

const back = (state: BrowserState): BrowserState => {
  const screen = currentScreen(state);
  if (isListScreen(screen) && screen.list.filter !== '') return setFilter(state, '');
  if (state.stack.length <= 1) return state;
  return { ...state, stack: state.stack.slice(0, -1), notice: undefined };
};

/**
 * `r` (and `--refresh`): reads the list again and puts the cursor back on the same item (by id), in
 * the same place on screen; the rows stay visible until the new page arrives.
 */
const refresh = (state: BrowserState): BrowserState => {
  const screen = currentScreen(state);
  if (screen.kind === 'detail')
    return replaceTop(state, { ...screen, checkpoint: undefined, pending: undefined, error: undefined });
  if (screen.kind === 'record') return replaceTop(state, { ...screen, stale: true, pending: undefined, error: undefined });
  const { list } = screen;
  const selected = selectedItem(state) as { id?: unknown } | undefined;
  const index = list.view === null ? list.cursor : list.view.at(list.cursor);
  if (typeof selected?.id !== 'string' || index === undefined || list.items.firstPage === 0) {
    const { filter, sort } = list;
    return replaceTop(state, { ...screen, list: { ...emptyList(sort), filter } } as ListScreen);
  }
  const apiIndex = (list.items.firstPage - 1) * state.pageSize + index;
  const keep = { id: selected.id, pageNum: Math.floor(apiIndex / state.pageSize) + 1, row: list.cursor - list.offset };
  return replaceTop(state, {
    ...screen,
    list: { ...list, keep, jump: undefined, pending: undefined, error: undefined },
  } as ListScreen);
};

/**
 * `g` / `G`: the true top or end of the list in its order. When that end is not loaded (API order,
 * either way) the list jumps: it reads that end's page directly (core's `readLastPage` for the last)
 * and the cursor lands there; what was loaded is dropped when the page arrives.
 */
const toEnd = (state: BrowserState, end: 'top' | 'bottom'): BrowserState => {
  const screen = currentScreen(state);
  if (!isListScreen(screen))
    return replaceTop(state, { ...screen, scroll: clampScroll(state, screen, end === 'top' ? 0 : Number.MAX_SAFE_INTEGER) });
  return updateList(state, (list) => {
    const wantsApiEnd = (end === 'bottom') !== list.sort.descending;
    const unloaded = wantsApiEnd ? list.hasMore : list.items.firstPage > 1;
    if (list.sort.column === 0 && unloaded && list.pagesLoaded > 0) {
      const jump: Jump = { page: wantsApiEnd ? 'last' : 'first', cursor: end };
      return { ...list, jump, keep: undefined, pending: undefined, error: undefined };
    }
    return moveTo(list, end === 'top' ? 0 : viewLength(list) - 1, listHeight(state));
  });
};

type PageLoaded = Extract<Action, { type: 'pageLoaded' }>;

/** A page arrived for a list screen (stale tokens are ignored). */
const pageLoaded = (state: BrowserState, action: PageLoaded): BrowserState =>
  updateScreen({ ...state, rateLimitedMs: undefined }, action.screenId, (screen) =>
    !isListScreen(screen) || screen.list.pending !== action.token
      ? screen
      : ({
          ...screen,
          list: addPage(
            screen.kind,
            screen.list as ListData<unknown>,
            { page: action.page, pageNum: action.pageNum, place: action.place, pageSize: state.pageSize },
            listHeight(state),
          ),
        } as ListScreen),
  );

/**
 * A page of projects names the screens that knew their project by its id only (opened by
 * `--groupId`); a project not in the page keeps its id.
 */
const nameProjects = (state: BrowserState, action: PageLoaded): BrowserState => {
  if (state.stack.find((s) => s.id === action.screenId)?.kind !== 'projects') return state;
  const names = new Map<string, string>();
  for (const p of action.page.results as readonly ProjectRow[])
    if (p.id !== undefined && p.name !== undefined) names.set(p.id, p.name);
  let renamed = false;
  const stack = state.stack.map((s) => {
    if (s.kind === 'projects' || s.projectName !== s.groupId) return s;
    const name = names.get(s.groupId);
    if (name === undefined) return s;
    renamed = true;
    return { ...s, projectName: name };
  });
  return renamed ? { ...state, stack } : state;
};

/**
 * The browser's state transition: pure, one case per action kind.
 *
 * @example
 * const next = browserReducer(state, { type: 'move', delta: 1 });
 */
export function browserReducer(state: BrowserState, action: Action): BrowserState {
  switch (action.type) {
    case 'move':
      return moveBy(state, action.delta);
    case 'page':
      return moveBy(state, action.direction * listHeight(state));
    case 'top':
      return toEnd(state, 'top');
    case 'bottom':
      return toEnd(state, 'bottom');
    case 'open':
      return open(state);
    case 'back':
      return back(state);
    case 'nextView':
      return nextView(state, action.direction);
    case 'filterStart':
      return isListScreen(currentScreen(state)) ? { ...state, filterDraft: currentFilter(state) } : state;
    case 'filterInput':
      return state.filterDraft === undefined
        ? state
        : setFilter({ ...state, filterDraft: state.filterDraft + action.text }, state.filterDraft + action.text);
    case 'filterBackspace':
      return state.filterDraft === undefined
        ? state
        : setFilter({ ...state, filterDraft: state.filterDraft.slice(0, -1) }, state.filterDraft.slice(0, -1));
    case 'filterCommit':
      return { ...state, filterDraft: undefined };
    case 'filterCancel':
      return setFilter({ ...state, filterDraft: undefined }, '');
    case 'sortCycle':
      return updateList(state, (list, screen) => {
        const column = (list.sort.column + 1) % (columnsOf(screen.kind).length + 1);
        return reView(screen.kind, { ...list, sort: { ...list.sort, column }, jump: undefined }, listHeight(state), true, list);
      });
    case 'sortReverse':
      return updateList(state, (list, screen) => {
        const sort = { ...list.sort, descending: !list.sort.descending };
        return reView(screen.kind, { ...list, sort, jump: undefined }, listHeight(state), true, list);
      });
    case 'refresh': {
      const screen = currentScreen(state);
      const busy = isListScreen(screen) ? (screen.list.pending ?? screen.list.error) : (screen.pending ?? screen.error);
      if (action.auto === true && busy !== undefined) return state;
      return refresh(action.auto === true ? state : { ...state, notice: undefined });
    }
    case 'toggleHelp':
      return { ...state, help: !state.help };
    case 'resize': {
      const resized = { ...state, viewport: { rows: action.rows, columns: action.columns } };
      return updateList(resized, (list) => moveTo(list, list.cursor, listHeight(resized)));
    }
    case 'fetchStarted':
      return updateScreen(state, action.screenId, (screen) =>
        isListScreen(screen)
          ? ({ ...screen, list: { ...screen.list, pending: action.token, error: undefined } } as ListScreen)
          : { ...screen, pending: action.token, error: undefined },
      );
    case 'pageLoaded':
      return nameProjects(pageLoaded(state, action), action);
    case 'detailLoaded':
      return updateScreen({ ...state, rateLimitedMs: undefined }, action.screenId, (screen) =>
        screen.kind !== 'detail' || screen.pending !== action.token
          ? screen
          : { ...screen, checkpoint: action.checkpoint, pending: undefined },
      );
    case 'recordLoaded':
      return updateScreen({ ...state, rateLimitedMs: undefined }, action.screenId, (screen) =>
        screen.kind !== 'record' || screen.pending !== action.token
          ? screen
          : { ...screen, record: action.record, stale: false, pending: undefined },
      );
    case 'fetchFailed':
      return updateScreen({ ...state, rateLimitedMs: undefined }, action.screenId, (screen) => {
        if (!isListScreen(screen))
          return screen.pending === action.token ? { ...screen, pending: undefined, error: action.error } : screen;
        return screen.list.pending === action.token
          ? ({ ...screen, list: { ...screen.list, pending: undefined, error: action.error } } as ListScreen)
          : screen;
      });
    case 'rateLimited':
      return { ...state, rateLimitedMs: action.retryAfterMs };
    case 'cacheInfo': {
      // The screen on top made the request; screens no longer on the stack drop theirs.
      const id = currentScreen(state).id;
      const cache: Record<number, CacheInfo> = {};
      for (const s of state.stack) {
        const info = state.cache[s.id];
        if (info !== undefined) cache[s.id] = info;
      }
      cache[id] = { status: action.status, age: action.age };
      return { ...state, cache };
    }
    case 'copied': {
      const request = state.copyRequest;
      if (request === undefined || request.seq !== action.seq) return state;
      return {
        ...state,
        copyRequest: undefined,
        notice: action.delivered ? 'Copied as JSON to the clipboard' : 'Copied as JSON: printed when you quit',
        unsentCopies: action.delivered ? state.unsentCopies : [...state.unsentCopies, request.text],
      };
    }
    case 'deprecated':
      return {
        ...state,
        deprecations: [
          ...state.deprecations,
          { operationId: action.operationId, apiVersion: action.apiVersion, text: action.text },
        ],
      };
    case 'key': {
      const command = keyToCommand(action.input, action.key, { filtering: state.filterDraft !== undefined, help: state.help });
      if (command === undefined) return state;
      if (command.type !== 'copy') return browserReducer(state, command);
      const item = copyableItem(state);
      if (item === undefined) return state;
      return {
        ...state,
        copyRequest: { text: JSON.stringify(item, null, 2), seq: (state.copyRequest?.seq ?? state.unsentCopies.length) + 1 },
      };
    }
    case 'quit':
      return { ...state, quit: true, interrupted: action.interrupted === true };
    default:
      return action satisfies never;
  }
}

function clampScroll(state: BrowserState, screen: DetailScreen | RecordScreen, scroll: number): number {
  const lines =
    screen.kind === 'record'
      ? recordLines(screen.record, 0).length
      : screen.checkpoint === undefined
        ? 0
        : detailLines(screen.checkpoint, 0).length;
  return Math.max(0, Math.min(scroll, lines - listHeight(state)));
}

function currentFilter(state: BrowserState): string {
  const screen = currentScreen(state);
  return isListScreen(screen) ? screen.list.filter : '';
}
