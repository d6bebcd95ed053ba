import { describe, expect, it } from 'vitest';
import { checkpoints, hexId } from '../test-helpers/rows.js';
import type { Action } from './actions.js';
import type { Key } from 'ink';
import { NO_KEY } from '../test-helpers/keys.js';
import { initialState } from './initial.js';
import type { AppendList } from './append-list.js';
import { itemAt, viewLength } from './list.js';
import { browserReducer } from './reducer.js';
import { cacheOf, currentScreen, nextRequest, PREFETCH_MARGIN, projectNameRequest, selectedItem } from './selectors.js';
import type { BrowserState, ListScreen, Place } from './types.js';

const key = (input: string, flags: Partial<Key> = {}): Action => ({ type: 'key', input, key: { ...NO_KEY, ...flags } });
const run = (state: BrowserState, ...actions: Action[]): BrowserState => actions.reduce(browserReducer, state);
const list = (state: BrowserState) => (currentScreen(state) as ListScreen).list;
const GROUP = hexId(1, 'a');
const atCheckpoints = (): BrowserState =>
  initialState({ rows: 30, columns: 100 }, { groupId: GROUP, clusterName: 'Cluster0', view: 'checkpoints' });

/** An action loading page `pageNum` (of 100 rows) with `rows`, after `fetchStarted` with the same token. */
const page = (
  screenId: number,
  token: number,
  rows: unknown[],
  pageNum: number,
  totalCount?: number,
  place: Place = 'append',
): Action[] => [
  { type: 'fetchStarted', screenId, token },
  {
    type: 'pageLoaded',
    screenId,
    token,
    page: { results: rows, ...(totalCount === undefined ? {} : { totalCount }) },
    pageNum,
    place,
  },
];

/** Loads `n` checkpoints, oldest first (`S` from the newest-first default), as pages of 100 out of `total`. */
function loaded(n: number, total = n): BrowserState {
  let state = run(atCheckpoints(), { type: 'sortReverse' });
  for (let start = 0; start < n; start += 100) {
    const screenId = currentScreen(state).id;
    state = run(state, ...page(screenId, start + 1, checkpoints(Math.min(100, n - start), start), start / 100 + 1, total));
  }
  return state;
}

describe('initial state and requests', () => {
  it('starts at projects and asks for page 1', () => {
    const state = initialState({ rows: 30, columns: 100 });
    expect(currentScreen(state).kind).toBe('projects');
    expect(nextRequest(state)).toEqual({ kind: 'projects', screenId: 1, pageNum: 1, place: 'replace', totalCount: undefined });
  });

  it('jumps to the level the flags name, keeping the levels above for esc', () => {
    const state = initialState({ rows: 30, columns: 100 }, { groupId: GROUP, clusterName: 'Cluster0', checkpointId: hexId(5) });
    expect(state.stack.map((s) => s.kind)).toEqual(['projects', 'clusters', 'checkpoints', 'detail']);
    expect(nextRequest(state)).toMatchObject({ kind: 'detail', checkpointId: hexId(5) });
    expect(currentScreen(run(state, { type: 'back' })).kind).toBe('checkpoints');
  });

  it('opened by --groupId, names the project from the projects list once the screen is idle', () => {
    let state = atCheckpoints();
    expect(projectNameRequest(state)).toBeUndefined(); // the checkpoints go first
    state = run(state, ...page(3, 1, checkpoints(5), 1, 5, 'replace'));
    expect(projectNameRequest(state)).toEqual({
      kind: 'projects',
      screenId: 1,
      pageNum: 1,
      place: 'replace',
      totalCount: undefined,
    });
    const projects = [
      { id: hexId(2, 'a'), name: 'other' },
      { id: GROUP, name: 'payments-prod' },
    ];
    state = run(state, ...page(1, 2, projects, 1, 2, 'replace'));
    expect(state.stack.map((s) => (s.kind === 'projects' ? '' : s.projectName))).toEqual(['', 'payments-prod', 'payments-prod']);
    expect(projectNameRequest(state)).toBeUndefined();
  });

  it('keeps the group id as the name when the project is not in the list', () => {
    let state = run(atCheckpoints(), ...page(3, 1, checkpoints(5), 1, 5, 'replace'));
    state = run(state, ...page(1, 2, [{ id: hexId(2, 'a'), name: 'other' }], 1, 1, 'replace'));
    expect(state.stack.map((s) => (s.kind === 'projects' ? '' : s.projectName))).toEqual(['', GROUP, GROUP]);
    expect(projectNameRequest(state)).toBeUndefined(); // asked once
  });

  it('asks nothing while a request is in flight, and ignores stale responses', () => {
    let state = run(atCheckpoints(), { type: 'fetchStarted', screenId: 3, token: 7 });
    expect(nextRequest(state)).toBeUndefined();
    state = run(state, {
      type: 'pageLoaded',
      screenId: 3,
      token: 6,
      page: { results: checkpoints(5) },
      pageNum: 1,
      place: 'replace',
    });
    expect(list(state).items).toHaveLength(0);
    state = run(state, {
      type: 'pageLoaded',
      screenId: 3,
      token: 7,
      page: { results: checkpoints(5), totalCount: 5 },
      pageNum: 1,
      place: 'replace',
    });
    expect(list(state).items).toHaveLength(5);
    expect(list(state).hasMore).toBe(false);
    expect(nextRequest(state)).toBeUndefined();
  });

  it('prefetches the next page only as the cursor nears the end', () => {
    let state = loaded(200, 1000);
    expect(list(state).totalCount).toBe(1000);
    expect(nextRequest(state)).toBeUndefined();
    state = run(state, { type: 'move', delta: 200 - PREFETCH_MARGIN - 1 });
    expect(nextRequest(state)).toBeUndefined();
    state = run(state, { type: 'move', delta: 1 });
    expect(nextRequest(state)).toMatchObject({ kind: 'checkpoints', pageNum: 3 });
  });

  it('follows next links when there is no totalCount', () => {
    let state = run(atCheckpoints(), { type: 'fetchStarted', screenId: 3, token: 1 });
    state = run(state, {
      type: 'pageLoaded',
      screenId: 3,
      token: 1,
      page: { results: checkpoints(2), links: [{ rel: 'next', href: 'x' }] },
      pageNum: 1,
      place: 'replace',
    });
    expect(list(state).hasMore).toBe(true);
    state = run(state, {
      type: 'fetchStarted',
      screenId: 3,
      token: 2,
    });
    state = run(state, {
      type: 'pageLoaded',
      screenId: 3,
      token: 2,
      page: { results: checkpoints(2, 2), links: [] },
      pageNum: 2,
      place: 'append',
    });
    expect(list(state).hasMore).toBe(false);
  });

  it('keeps an error in place and stops asking until refresh', () => {
    let state = run(
      atCheckpoints(),
      { type: 'fetchStarted', screenId: 3, token: 1 },
      { type: 'rateLimited', retryAfterMs: 2000 },
    );
    expect(state.rateLimitedMs).toBe(2000);
    state = run(state, { type: 'fetchFailed', screenId: 3, token: 1, error: { title: 'boom', hint: 'press r' } });
    expect(list(state).error?.title).toBe('boom');
    expect(state.rateLimitedMs).toBeUndefined();
    expect(nextRequest(state)).toBeUndefined();
    state = run(state, { type: 'refresh' });
    expect(list(state).error).toBeUndefined();
    expect(nextRequest(state)).toMatchObject({ pageNum: 'last', place: 'replace' });
  });
});

describe('cursor movement', () => {
  it('moves, pages and clamps, scrolling to keep the cursor visible', () => {
    let state = loaded(100);
    state = run(state, { type: 'move', delta: -1 });
    expect(list(state).cursor).toBe(0);
    state = run(state, { type: 'move', delta: 30 });
    expect(list(state).cursor).toBe(30);
    expect(list(state).offset).toBe(30 - 24 + 1);
    state = run(state, { type: 'page', direction: 1 });
    expect(list(state).cursor).toBe(54);
    state = run(state, { type: 'bottom' });
    expect(list(state).cursor).toBe(99);
    expect(list(state).offset).toBe(100 - 24);
    state = run(state, { type: 'top' });
    expect(list(state)).toMatchObject({ cursor: 0, offset: 0 });
    state = run(state, { type: 'page', direction: -1 });
    expect(list(state).cursor).toBe(0);
  });

  it('keeps the cursor visible after a resize', () => {
    let state = run(loaded(100), { type: 'move', delta: 20 });
    state = run(state, { type: 'resize', rows: 12, columns: 80 });
    expect(state.viewport).toEqual({ rows: 12, columns: 80 });
    expect(list(state).offset).toBe(20 - 6 + 1);
  });

  it('stays O(1) per key at 100,000 rows (no view is built without filter or sort)', () => {
    const state = loaded(100_000);
    expect(list(state).view).toBeNull();
    expect(viewLength(list(state))).toBe(100_000);
    expect(list(run(state, { type: 'bottom' })).cursor).toBe(99_999);
  });
});

describe('page loads cost the page, not the list', () => {
  const pageLoad = (state: BrowserState, start: number, total: number): BrowserState =>
    run(state, ...page(3, start + 1, checkpoints(100, start), start / 100 + 1, total));

  it.each([
    ['no filter', [] as Action[]],
    ['a filter', [{ type: 'filterStart' }, { type: 'filterInput', text: 'rs-1' }, { type: 'filterCommit' }] as Action[]],
  ])('appends 1,000 pages, leaving every earlier state as it was, with %s', (_, setup) => {
    const states = [pageLoad(run(atCheckpoints(), { type: 'sortReverse' }, ...setup), 0, 100_000)];
    for (let start = 100; start < 100_000; start += 100) states.push(pageLoad(states.at(-1)!, start, 100_000));
    const first = list(states[0]!);
    const last = list(states.at(-1)!);
    if (first.view !== null)
      expect((last.view as AppendList<number>).sharesStorageWith(first.view as AppendList<number>)).toBe(true);
    expect(last.items.length).toBe(100_000);
    expect(last.items.at(99_999)).toMatchObject({ id: hexId(99_999) });
    states.forEach((state, n) => expect(list(state).items.length).toBe((n + 1) * 100));
    expect(first.items.at(100)).toBeUndefined();
    expect(viewLength(first)).toBe(setup.length === 0 ? 100 : 50);
  });

  it('a page loaded into an older state does not change the newer one', () => {
    const one = pageLoad(run(atCheckpoints(), { type: 'sortReverse' }), 0, 300);
    const two = pageLoad(one, 100, 300);
    const branch = pageLoad(one, 200, 300);
    expect(itemAt(list(two), 100)).toMatchObject({ id: hexId(100) });
    expect(itemAt(list(branch), 100)).toMatchObject({ id: hexId(200) });
    expect(list(one).items.length).toBe(100);
  });
});

describe('cursor moves leave the loaded list alone', () => {
  const keys: Action[] = [
    key('j'),
    key('k'),
    key('', { pageDown: true }),
    key('', { pageUp: true }),
    key('G'),
    key('g'),
    { type: 'resize', rows: 20, columns: 80 },
  ];

  it.each([
    ['no filter or sort', [] as Action[]],
    [
      'a filter and a sort',
      [
        { type: 'filterStart' },
        { type: 'filterInput', text: 'rs-1' },
        { type: 'filterCommit' },
        { type: 'sortCycle' },
      ] as Action[],
    ],
  ])('keeps the items and view arrays (same identity) at 100,000 rows with %s', (_, setup) => {
    let state = run(loaded(100_000), ...setup);
    const { items, view } = list(state);
    const below = state.stack.slice(0, -1);
    for (const action of keys) {
      const next = browserReducer(state, action);
      expect(list(next).items).toBe(items);
      expect(list(next).view).toBe(view);
      next.stack.slice(0, -1).forEach((screen, i) => expect(screen).toBe(below[i]));
      state = next;
    }
    expect(list(state).cursor).toBe(0);
  });

  it('returns the same state when a move changes nothing', () => {
    const state = loaded(100);
    expect(browserReducer(state, { type: 'move', delta: -1 })).toBe(state);
  });
});

describe('navigation', () => {
  it('opens a project, a cluster and a checkpoint, then walks back', () => {
    let state = initialState({ rows: 30, columns: 100 });
    state = run(state, ...page(1, 1, [{ id: GROUP, name: 'prod' }], 1, undefined, 'replace'));
    state = run(state, { type: 'open' });
    expect(currentScreen(state)).toMatchObject({ kind: 'clusters', groupId: GROUP, projectName: 'prod' });
    const clusters = currentScreen(state).id;
    state = run(state, ...page(clusters, 2, [{ name: 'Cluster0' }], 1, undefined, 'replace'));
    state = run(state, { type: 'open' });
    expect(currentScreen(state)).toMatchObject({ kind: 'restorePoints', clusterName: 'Cluster0', projectName: 'prod' });
    state = run(state, { type: 'nextView', direction: -1 });
    expect(currentScreen(state)).toMatchObject({ kind: 'checkpoints', clusterName: 'Cluster0', projectName: 'prod' });
    const cps = currentScreen(state).id;
    state = run(state, ...page(cps, 3, checkpoints(3), 1, undefined, 'replace'));
    state = run(state, { type: 'move', delta: 1 }, { type: 'open' });
    // newest first: row 1 is the second newest of 3
    expect(currentScreen(state)).toMatchObject({ kind: 'detail', checkpointId: hexId(1) });
    expect(nextRequest(state)).toBeUndefined();
    expect(run(state, { type: 'open' })).toEqual(state);
    state = run(state, { type: 'back' });
    expect(list(state).cursor).toBe(1);
    state = run(state, { type: 'back' }, { type: 'back' }, { type: 'back' });
    expect(state.stack).toHaveLength(1);
  });

  it('does nothing on enter in an empty list', () => {
    const state = atCheckpoints();
    expect(run(state, { type: 'open' })).toBe(state);
  });

  it('refreshes a detail screen by fetching it again', () => {
    let state = run(loaded(3), { type: 'open' });
    state = run(state, { type: 'refresh' });
    expect(nextRequest(state)).toMatchObject({ kind: 'detail', checkpointId: hexId(0) });
    const id = currentScreen(state).id;
    state = run(
      state,
      { type: 'fetchStarted', screenId: id, token: 9 },
      { type: 'detailLoaded', screenId: id, token: 9, checkpoint: checkpoints(1)[0]! },
    );
    expect(selectedItem(state)).toMatchObject({ id: hexId(0) });
  });

  it('scrolls the detail screen within its lines', () => {
    let state = run(loaded(3), { type: 'resize', rows: 8, columns: 80 }, { type: 'open' });
    state = run(state, { type: 'move', delta: 1 });
    expect(currentScreen(state)).toMatchObject({ scroll: 1 });
    state = run(state, { type: 'bottom' });
    const bottom = (currentScreen(state) as { scroll: number }).scroll;
    expect(bottom).toBeGreaterThan(1);
    expect(currentScreen(run(state, { type: 'move', delta: -1 }))).toMatchObject({ scroll: bottom - 1 });
  });
});

describe('filter and sort', () => {
  it('filters as you type, commits, and esc clears it before going back', () => {
    let state = run(
      loaded(100),
      { type: 'filterStart' },
      { type: 'filterInput', text: 'c' },
      { type: 'filterInput', text: hexId(42).slice(1) },
    );
    expect(viewLength(list(state))).toBe(1);
    expect(itemAt(list(state), 0)).toMatchObject({ id: hexId(42) });
    state = run(state, { type: 'filterBackspace' });
    expect(state.filterDraft).toBe(hexId(42).slice(0, -1));
    state = run(state, { type: 'filterCommit' });
    expect(state.filterDraft).toBeUndefined();
    expect(list(state).filter).toBe(hexId(42).slice(0, -1));
    state = run(state, { type: 'back' });
    expect(list(state).filter).toBe('');
    expect(currentScreen(state).kind).toBe('checkpoints');
  });

  it('filters by restorable, by date and by part name', () => {
    const state = loaded(30);
    const count = (filter: string) =>
      viewLength(list(run(state, { type: 'filterStart' }, { type: 'filterInput', text: filter })));
    expect(count('restorable')).toBe(20);
    expect(count('not-restorable')).toBe(10);
    expect(count('2024-01-01T05')).toBe(1);
    expect(count('rs-1')).toBe(15);
    expect(count('rs-1 restorable')).toBe(10);
  });

  it('cancelling the prompt clears the filter', () => {
    const state = run(loaded(10), { type: 'filterStart' }, { type: 'filterInput', text: 'zzz' }, { type: 'filterCancel' });
    expect(viewLength(list(state))).toBe(10);
    expect(state.filterDraft).toBeUndefined();
  });

  it('cycles sort columns and back to API order, keeping the direction', () => {
    let state = loaded(30);
    state = run(state, { type: 'sortCycle' }, { type: 'sortCycle' }, { type: 'sortCycle' });
    expect(list(state).sort).toEqual({ column: 3, descending: false });
    expect(itemAt(list(state), 0)).toMatchObject({ restorable: false });
    for (let i = 0; i < 4; i++) state = run(state, { type: 'sortCycle' });
    expect(list(state).sort).toEqual({ column: 0, descending: false });
    expect(list(state).view).toBeNull();
  });
});

describe('chrome', () => {
  it('? then q only closes the help ("any key closes this help"); a second q quits', () => {
    let state = run(initialState({ rows: 30, columns: 100 }), key('?'));
    expect(state.help).toBe(true);
    state = run(state, key('q'));
    expect(state.help).toBe(false);
    expect(state.quit).toBe(false);
    state = run(state, key('q'));
    expect(state.quit).toBe(true);
  });

  it("ties cache info to the screen whose request it answered: back on a screen shows that screen's own, or none", () => {
    let state = run(initialState({ rows: 30, columns: 100 }), ...page(1, 1, [{ id: GROUP, name: 'p' }], 1, undefined, 'replace'));
    state = run(state, { type: 'cacheInfo', status: 'proxy; fwd=miss', age: 0 });
    state = run(state, key('', { return: true }));
    expect(state.stack).toHaveLength(2);
    expect(cacheOf(state)).toBeUndefined();
    state = run(state, { type: 'cacheInfo', status: 'proxy; hit; ttl=40', age: 21 });
    expect(cacheOf(state)).toEqual({ status: 'proxy; hit; ttl=40', age: 21 });
    state = run(state, key('', { escape: true }));
    expect(cacheOf(state)).toEqual({ status: 'proxy; fwd=miss', age: 0 });
    state = run(state, key('', { return: true }));
    expect(cacheOf(state)).toBeUndefined();
  });

  it('toggles help, records cache info, copies and quits', () => {
    let state = run(initialState({ rows: 30, columns: 100 }), { type: 'toggleHelp' });
    expect(state.help).toBe(true);
    state = run(state, { type: 'cacheInfo', status: 'atlas-proxy; hit', age: 12 }, { type: 'toggleHelp' });
    expect(cacheOf(state)).toEqual({ status: 'atlas-proxy; hit', age: 12 });
    state = run(state, ...page(1, 1, [{ id: GROUP, name: 'p' }], 1, undefined, 'replace'));
    state = run(state, key('y'));
    expect(JSON.parse(state.copyRequest?.text ?? '')).toEqual({ id: GROUP, name: 'p' });
    state = run(state, { type: 'copied', seq: 99, delivered: false });
    expect(state.unsentCopies).toEqual([]);
    state = run(state, { type: 'copied', seq: state.copyRequest?.seq ?? 0, delivered: false });
    expect(state.unsentCopies).toHaveLength(1);
    expect(state.copyRequest).toBeUndefined();
    expect(state.notice).toMatch(/printed when you quit/);
    state = run(state, key('y'));
    state = run(state, { type: 'copied', seq: state.copyRequest?.seq ?? 0, delivered: true }, key('q'));
    expect(state.unsentCopies).toHaveLength(1);
    expect(state.notice).toMatch(/clipboard/);
    expect(state.quit).toBe(true);
  });
});

describe('keys through the reducer', () => {
  it('applies several keys in a row against the latest state (typing into the filter)', () => {
    const state = run(loaded(100), key('/'), key('c'), ...[...hexId(7).slice(1)].map((ch) => key(ch)), key('', { return: true }));
    expect(viewLength(list(state))).toBe(1);
    expect(state.filterDraft).toBeUndefined();
  });

  it('ignores y on an empty list and unknown keys', () => {
    const state = atCheckpoints();
    expect(run(state, key('y'))).toBe(state);
    expect(run(state, key('x'))).toBe(state);
  });
});
