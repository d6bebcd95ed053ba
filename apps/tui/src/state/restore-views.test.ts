import { newestFirst, restorePoint, type RestorePoint } from '@atlas-checkpoints/core';
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { cloudRestoreJob, legacyRestoreJob, type RestoreJob } from '../source/restore-jobs.js';
import { NO_KEY } from '../test-helpers/keys.js';
import { cloudJobs, jobAfter, legacyJobs, snapshots } from '../test-helpers/restore-rows.js';
import { checkpoints, hexId } from '../test-helpers/rows.js';
import type { Action } from './actions.js';
import { initialState } from './initial.js';
import { keyToCommand } from './keymap.js';
import { itemAt } from './list.js';
import { browserReducer } from './reducer.js';
import { currentScreen, nextRequest, pollsRunningJob } from './selectors.js';
import type { BrowserState, ListScreen, RecordScreen } from './types.js';

const run = (state: BrowserState, ...actions: Action[]): BrowserState => actions.reduce(browserReducer, state);
const key = (input: string, flags: Partial<Key> = {}): Action => ({ type: 'key', input, key: { ...NO_KEY, ...flags } });
const list = (state: BrowserState) => (currentScreen(state) as ListScreen).list;
const GROUP = hexId(1, 'a');
const at = (view?: 'restorePoints' | 'restoreJobs' | 'checkpoints') =>
  initialState({ rows: 30, columns: 120 }, { groupId: GROUP, clusterName: 'Cluster0', view });

/** The restore points of Cluster0: 3 checkpoints and 3 snapshots, merged newest first by core. */
const POINTS: RestorePoint[] = newestFirst([
  ...checkpoints(3).map((c) => restorePoint('checkpoint', { ...c, id: c.id ?? '' })),
  ...snapshots(3).map((s) => restorePoint('snapshot', s)),
]);
const JOBS: RestoreJob[] = [...cloudJobs().map(cloudRestoreJob), ...legacyJobs().map(legacyRestoreJob)];

/** Answers the current list's request with `rows`, as `fetchFor` does for a whole list (one page). */
function answer(state: BrowserState, rows: readonly unknown[], token: number): BrowserState {
  const request = nextRequest(state);
  if (request === undefined) throw new Error('no request');
  const { screenId } = request;
  return run(
    state,
    { type: 'fetchStarted', screenId, token },
    { type: 'pageLoaded', screenId, token, page: { results: rows, totalCount: rows.length }, pageNum: 1, place: 'replace' },
  );
}

describe('a cluster opens on its restore points', () => {
  it('from the clusters list, and reads them whole (one request), newest first as core merged them', () => {
    let state = initialState({ rows: 30, columns: 120 }, { groupId: GROUP });
    state = run(
      state,
      { type: 'fetchStarted', screenId: 2, token: 1 },
      {
        type: 'pageLoaded',
        screenId: 2,
        token: 1,
        page: { results: [{ name: 'Cluster0' }], totalCount: 1 },
        pageNum: 1,
        place: 'replace',
      },
      { type: 'open' },
    );
    expect(currentScreen(state)).toMatchObject({ kind: 'restorePoints', clusterName: 'Cluster0', groupId: GROUP });
    expect(nextRequest(state)).toMatchObject({ kind: 'restorePoints', clusterName: 'Cluster0', pageNum: 1, place: 'replace' });
    state = answer(state, POINTS, 2);
    expect(nextRequest(state)).toBeUndefined();
    expect(list(state).hasMore).toBe(false);
    expect(Array.from({ length: 6 }, (_, row) => (itemAt(list(state), row) as RestorePoint).id)).toEqual(POINTS.map((p) => p.id));
    expect(new Set(POINTS.map((p) => p.kind))).toEqual(new Set(['checkpoint', 'snapshot']));
  });

  it('tab walks restore points → restore jobs → checkpoints → restore points; shift-tab walks back; esc goes to the clusters', () => {
    let state = at();
    const kinds = [currentScreen(state).kind];
    for (let i = 0; i < 3; i++) kinds.push(run((state = run(state, key('', { tab: true })))).stack.at(-1)!.kind);
    expect(kinds).toEqual(['restorePoints', 'restoreJobs', 'checkpoints', 'restorePoints']);
    state = run(state, key('', { tab: true, shift: true }));
    expect(currentScreen(state).kind).toBe('checkpoints');
    expect(state.stack).toHaveLength(3);
    state = run(state, { type: 'back' });
    expect(currentScreen(state).kind).toBe('clusters');
    // tab means nothing above a cluster
    expect(run(state, key('', { tab: true }))).toBe(state);
  });

  it('each view reads its own list: the jobs screen asks for restore jobs, checkpoints for checkpoints (newest first)', () => {
    const jobs = run(at(), { type: 'nextView', direction: 1 });
    expect(nextRequest(jobs)).toMatchObject({ kind: 'restoreJobs', clusterName: 'Cluster0' });
    const cps = run(at(), { type: 'nextView', direction: -1 });
    expect(nextRequest(cps)).toMatchObject({ kind: 'checkpoints', pageNum: 'last' });
  });

  it('opens a checkpoint on the checkpoint detail, other kinds on a record screen; y copies the Atlas document', () => {
    let state = answer(at(), POINTS, 1);
    const checkpointRow = POINTS.findIndex((p) => p.kind === 'checkpoint');
    const checkpoint = run(state, { type: 'move', delta: checkpointRow }, { type: 'open' });
    expect(currentScreen(checkpoint)).toMatchObject({ kind: 'detail', checkpointId: POINTS[checkpointRow]?.id });
    const snapshotRow = POINTS.findIndex((p) => p.kind === 'snapshot');
    state = run(state, { type: 'move', delta: snapshotRow });
    const copied = run(state, key('y'));
    expect(JSON.parse(copied.copyRequest?.text ?? '')).toEqual(POINTS[snapshotRow]?.document);
    state = run(state, { type: 'open' });
    expect(currentScreen(state)).toMatchObject({ kind: 'record', record: POINTS[snapshotRow] });
    expect(nextRequest(state)).toBeUndefined(); // the record came with the list
    expect(JSON.parse(run(state, key('y')).copyRequest?.text ?? '')).toEqual(POINTS[snapshotRow]?.document);
  });

  it('filters restore points by kind and status words', () => {
    const state = run(answer(at(), POINTS, 1), { type: 'filterStart' }, { type: 'filterInput', text: 'snapshot completed' });
    expect(list(state).view?.length).toBe(3);
  });
});

describe('restore jobs: re-read while one runs', () => {
  const atJobs = () => at('restoreJobs');

  it('polls while a job in the list runs, and stops once none does', () => {
    let state = answer(atJobs(), JOBS, 1);
    expect(pollsRunningJob(state)).toBe(true);
    state = run(state, { type: 'refresh', auto: true });
    expect(nextRequest(state)).toMatchObject({ kind: 'restoreJobs' });
    const finished = JOBS.map((job) => (job.kind === 'cloudRestoreJob' ? cloudRestoreJob(jobAfter(job.document, 5)) : job));
    state = answer(state, finished, 2);
    expect(pollsRunningJob(state)).toBe(false);
    // the cursor stayed on the same job
    expect((itemAt(list(state), list(state).cursor) as RestoreJob).id).toBe(JOBS[list(state).cursor]?.id);
  });

  it('a running job opened polls by its get operation; the answer replaces it; a stale answer is dropped', () => {
    let state = answer(atJobs(), JOBS, 1);
    const running = JOBS.findIndex((job) => job.kind === 'cloudRestoreJob' && job.document.finishedAt === undefined);
    state = run(state, { type: 'move', delta: running }, { type: 'open' });
    const screen = currentScreen(state) as RecordScreen;
    expect(pollsRunningJob(state)).toBe(true);
    expect(nextRequest(state)).toBeUndefined();
    state = run(state, { type: 'refresh', auto: true });
    const request = nextRequest(state);
    expect(request).toMatchObject({ kind: 'record', recordKind: 'cloudRestoreJob', id: JOBS[running]?.id });
    const done = cloudRestoreJob(jobAfter((JOBS[running] as Extract<RestoreJob, { kind: 'cloudRestoreJob' }>).document, 5));
    state = run(state, { type: 'fetchStarted', screenId: screen.id, token: 7 });
    expect(run(state, { type: 'recordLoaded', screenId: screen.id, token: 6, record: done })).toEqual(state);
    // the job stays on screen while it is read again
    expect((currentScreen(state) as RecordScreen).record).toBe(JOBS[running]);
    state = run(state, { type: 'recordLoaded', screenId: screen.id, token: 7, record: done });
    expect(currentScreen(state)).toMatchObject({ kind: 'record', record: done, stale: false, pending: undefined });
    expect(pollsRunningJob(state)).toBe(false);
  });

  it('a legacy job runs while IN_PROGRESS', () => {
    const job = legacyRestoreJob({ id: hexId(9, 'e'), statusName: 'IN_PROGRESS', delivery: { statusName: 'PENDING' } });
    expect(pollsRunningJob(answer(atJobs(), [job], 1))).toBe(true);
    expect(pollsRunningJob(answer(atJobs(), JOBS.slice(-1), 1))).toBe(false);
  });
});

describe('keys', () => {
  it('tab is the next view, shift-tab the previous', () => {
    expect(keyToCommand('', { ...NO_KEY, tab: true }, { filtering: false, help: false })).toEqual({
      type: 'nextView',
      direction: 1,
    });
    expect(keyToCommand('', { ...NO_KEY, tab: true, shift: true }, { filtering: false, help: false })).toEqual({
      type: 'nextView',
      direction: -1,
    });
  });
});
