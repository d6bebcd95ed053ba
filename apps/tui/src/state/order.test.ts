import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { answer, settle } from '../test-helpers/drive.js';
import { NO_KEY } from '../test-helpers/keys.js';
import { checkpoints, hexId } from '../test-helpers/rows.js';
import type { Action } from './actions.js';
import { initialState } from './initial.js';
import { itemAt, viewLength } from './list.js';
import { browserReducer } from './reducer.js';
import { currentScreen, loadingReason, nextRequest, selectedItem } from './selectors.js';
import type { BrowserState, ListScreen } from './types.js';

const key = (input: string, flags: Partial<Key> = {}): Action => ({ type: 'key', input, key: { ...NO_KEY, ...flags } });
const run = (state: BrowserState, ...actions: Action[]): BrowserState => actions.reduce(browserReducer, state);
const list = (state: BrowserState) => (currentScreen(state) as ListScreen).list;
const selectedId = (state: BrowserState): unknown => (selectedItem(state) as { id?: string } | undefined)?.id;
const GROUP = hexId(1, 'a');
const ROWS = checkpoints(100_000);
/** A cluster's checkpoints screen, 30 rows (24 list rows), pages of 100. */
const atCheckpoints = (): BrowserState =>
  initialState({ rows: 30, columns: 100 }, { groupId: GROUP, clusterName: 'Cluster0', view: 'checkpoints' }, 100);

describe('newest first', () => {
  it('opens a cluster of 100,000 checkpoints on the newest, reading only the last page', () => {
    const { state, requests } = settle(atCheckpoints(), ROWS);
    expect(requests).toEqual(['last']);
    expect(list(state).sort).toEqual({ column: 0, descending: true });
    expect(selectedId(state)).toBe(hexId(99_999));
    expect(itemAt(list(state), 1)).toMatchObject({ id: hexId(99_998) });
    expect(list(state).totalCount).toBe(100_000);
  });

  it('reads earlier pages as the cursor goes down, keeping the cursor on its checkpoint', () => {
    let { state } = settle(atCheckpoints(), ROWS);
    state = run(state, { type: 'move', delta: 60 });
    expect(nextRequest(state)).toMatchObject({ pageNum: 999, place: 'prepend' });
    ({ state } = settle(state, ROWS));
    expect(selectedId(state)).toBe(hexId(99_999 - 60));
    expect(list(state).items.length).toBe(200);
  });

  it('S reverses to oldest first and back, the cursor staying on the same checkpoint', () => {
    let { state } = settle(atCheckpoints(), ROWS.slice(0, 50));
    state = run(state, { type: 'move', delta: 5 }, key('S'));
    expect(list(state).sort).toEqual({ column: 0, descending: false });
    expect(selectedId(state)).toBe(hexId(44));
    expect(itemAt(list(state), 0)).toMatchObject({ id: hexId(0) });
    state = run(state, key('S'));
    expect(selectedId(state)).toBe(hexId(44));
  });
});

describe('g and G go to the true ends', () => {
  it('G reads the first page directly when newest first, and lands on the oldest', () => {
    let { state } = settle(atCheckpoints(), ROWS);
    state = run(state, key('G'));
    expect(
      loadingReason({
        ...state,
        stack: state.stack.map((s) => (s.kind === 'checkpoints' ? { ...s, list: { ...s.list, pending: 1 } } : s)),
      }),
    ).toMatch(/going to the end/);
    expect(nextRequest(state)).toMatchObject({ pageNum: 1, place: 'replace' });
    const { state: after, requests } = settle(state, ROWS);
    expect(requests).toEqual([1]);
    expect(selectedId(after)).toBe(hexId(0));
    expect(list(after).cursor).toBe(viewLength(list(after)) - 1);
  });

  it('G reads the last page directly when oldest first (the count is known), and g goes back', () => {
    let { state } = settle(run(atCheckpoints(), key('S')), ROWS);
    expect(selectedId(state)).toBe(hexId(0));
    state = run(state, key('G'));
    expect(nextRequest(state)).toMatchObject({ pageNum: 'last', place: 'replace', totalCount: 100_000 });
    let requests;
    ({ state, requests } = settle(state, ROWS));
    expect(requests).toEqual(['last']);
    expect(selectedId(state)).toBe(hexId(99_999));
    state = run(state, key('k'));
    expect(selectedId(state)).toBe(hexId(99_998));
    ({ state, requests } = settle(run(state, key('g')), ROWS));
    expect(requests).toEqual([1]);
    expect(selectedId(state)).toBe(hexId(0));
  });

  it('moves within what is loaded when the end is loaded, without a request', () => {
    const { state } = settle(atCheckpoints(), ROWS.slice(0, 80));
    const bottom = run(state, key('G'));
    expect(nextRequest(bottom)).toBeUndefined();
    expect(selectedId(bottom)).toBe(hexId(0));
  });

  it('drops a response that was in flight when G was pressed', () => {
    let { state } = settle(atCheckpoints(), ROWS);
    state = run(state, { type: 'move', delta: 60 });
    const request = nextRequest(state);
    state = run(state, { type: 'fetchStarted', screenId: 3, token: 77 }, key('G'));
    if (request === undefined || request.kind === 'detail') throw new Error('expected a page request');
    state = run(state, {
      type: 'pageLoaded',
      screenId: 3,
      token: 77,
      page: { results: ROWS.slice(99_800, 99_900), totalCount: 100_000 },
      pageNum: 999,
      place: 'prepend',
    });
    expect(list(state).items.length).toBe(100);
    expect(nextRequest(state)).toMatchObject({ pageNum: 1, place: 'replace' });
  });
});

describe('sort and filter past what is loaded', () => {
  it('a column sort loads every row, saying so, then sorts them all', () => {
    let { state } = settle(atCheckpoints(), ROWS.slice(0, 1000));
    state = run(state, key('s'), key('s'), key('s'));
    expect(list(state).sort).toEqual({ column: 3, descending: true });
    const started = answer(state, nextRequest(state) as never, ROWS.slice(0, 1000), 1);
    const midway = run(started, { type: 'fetchStarted', screenId: 3, token: 2 });
    expect(loadingReason(midway)).toBe('sorting by RESTORABLE needs every row: loading 200 of 1,000…');
    ({ state } = settle(state, ROWS.slice(0, 1000)));
    expect(list(state).items.length).toBe(1000);
    expect(loadingReason(state)).toBeUndefined();
    expect(itemAt(list(state), 0)).toMatchObject({ restorable: true });
    expect(itemAt(list(state), viewLength(list(state)) - 1)).toMatchObject({ restorable: false });
  });

  it('a filter loads earlier pages until the screen is full, then stops', () => {
    let { state } = settle(atCheckpoints(), ROWS.slice(0, 10_000));
    state = run(state, key('/'), ...[...'rs-1 not-restorable'].map((ch) => key(ch)), key('', { return: true }));
    const { state: after, requests } = settle(state, ROWS.slice(0, 10_000));
    // 1 row in 6 matches: the last page gives 17, one page more fills the 24 rows; it stops there, not at page 1
    expect(requests).toEqual([99]);
    expect(viewLength(list(after))).toBeGreaterThanOrEqual(24);
  });

  it('a filter that matches nothing loaded says what it searched while it loads', () => {
    let { state } = settle(atCheckpoints(), ROWS.slice(0, 1000));
    state = run(state, key('/'), ...[...hexId(3)].map((ch) => key(ch)));
    const started = run(state, { type: 'fetchStarted', screenId: 3, token: 5 });
    expect(loadingReason(started)).toBe('filtering rows not loaded yet: searched 100 of 1,000…');
    ({ state } = settle(state, ROWS.slice(0, 1000)));
    expect(viewLength(list(state))).toBe(1);
    expect(selectedId(state)).toBe(hexId(3));
  });

  it('clearing the filter keeps the selection', () => {
    let { state } = settle(atCheckpoints(), ROWS.slice(0, 100));
    state = run(state, key('/'), ...[...'not-restorable'].map((ch) => key(ch)), key('', { return: true }), key('j'), key('j'));
    const chosen = selectedId(state);
    expect(chosen).toBe(hexId(93));
    state = run(state, key('', { escape: true }));
    expect(list(state).filter).toBe('');
    expect(selectedId(state)).toBe(chosen);
  });
});

describe('refresh', () => {
  it('r re-reads the page the cursor is on and keeps the cursor on the same checkpoint, in the same place', () => {
    let { state } = settle(atCheckpoints(), ROWS.slice(0, 1000));
    state = run(state, { type: 'move', delta: 3 });
    expect(selectedId(state)).toBe(hexId(996));
    state = run(state, key('r'));
    expect(list(state).items.length).toBe(100); // the rows stay on screen while it reads
    const grown = ROWS.slice(0, 1001); // a new checkpoint was taken meanwhile
    expect(nextRequest(state)).toMatchObject({ pageNum: 10, place: 'replace' });
    ({ state } = settle(state, grown));
    expect(selectedId(state)).toBe(hexId(996));
    expect(itemAt(list(state), 0)).toMatchObject({ id: hexId(1000) });
    expect(list(state).totalCount).toBe(1001);
  });

  it('a refresh that brings newer checkpoints above the screen counts them (N newer) without moving the cursor', () => {
    let { state } = settle(atCheckpoints(), ROWS.slice(0, 1000));
    state = run(state, { type: 'move', delta: 3 });
    state = run(state, { type: 'refresh', auto: true });
    ({ state } = settle(state, ROWS.slice(0, 1003))); // three checkpoints taken meanwhile
    expect(selectedId(state)).toBe(hexId(996));
    expect(list(state).cursor - list(state).offset).toBe(3); // the same place on screen
    expect(list(state).newer).toBe(3);
    state = run(state, { type: 'move', delta: -4 }); // up to the top row on screen: one newer row comes into view
    expect(list(state).newer).toBe(2);
    state = run(state, key('g'));
    expect(list(state).newer).toBe(0);
    expect(selectedId(state)).toBe(hexId(1002));
  });

  it('a refresh that brings nothing new says nothing', () => {
    let { state } = settle(atCheckpoints(), ROWS.slice(0, 1000));
    state = run(state, { type: 'move', delta: 3 }, { type: 'refresh', auto: true });
    ({ state } = settle(state, ROWS.slice(0, 1000)));
    expect(list(state).newer).toBe(0);
  });

  it('an automatic refresh (--refresh) waits while a read is in flight', () => {
    const { state } = settle(atCheckpoints(), ROWS.slice(0, 100));
    const busy = run(state, key('G'), { type: 'fetchStarted', screenId: 3, token: 9 });
    expect(run(busy, { type: 'refresh', auto: true })).toBe(busy);
    expect(list(run(state, { type: 'refresh', auto: true })).keep).toMatchObject({ id: hexId(99), pageNum: 1 });
  });
});

describe('quitting and deprecations', () => {
  it('Ctrl-C quits as interrupted (exit 130), q quits normally', () => {
    expect(run(atCheckpoints(), key('c', { ctrl: true }))).toMatchObject({ quit: true, interrupted: true });
    expect(run(atCheckpoints(), key('q'))).toMatchObject({ quit: true, interrupted: false });
  });

  it('keeps each deprecation line by its operation', () => {
    const text = 'Atlas deprecated listGroupClusterBackupCheckpoints (API 2023-01-01); removed 2027-07-01';
    const deprecation = { operationId: 'listGroupClusterBackupCheckpoints', apiVersion: '2023-01-01', text };
    expect(run(atCheckpoints(), { type: 'deprecated', ...deprecation }).deprecations).toEqual([deprecation]);
  });
});
