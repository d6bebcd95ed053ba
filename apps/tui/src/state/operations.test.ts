import { describe, expect, it } from 'vitest';
import { hexId } from '../test-helpers/rows.js';
import type { Action } from './actions.js';
import { initialState } from './initial.js';
import { deprecationOf } from './operations.js';
import { browserReducer } from './reducer.js';
import type { BrowserState, ClusterView } from './types.js';

const run = (state: BrowserState, ...actions: Action[]): BrowserState => actions.reduce(browserReducer, state);
const at = (view: ClusterView): BrowserState =>
  initialState({ rows: 30, columns: 100 }, { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view }, 100);
const deprecated = (operationId: string, apiVersion = '2023-01-01'): Action => ({
  type: 'deprecated',
  operationId,
  apiVersion,
  text: `Atlas deprecated ${operationId} (API ${apiVersion})`,
});
const nextView: Action = { type: 'nextView', direction: 1 };

describe('the deprecation line follows the screen', () => {
  it("shows a view's own deprecation, not the last one seen elsewhere", () => {
    // the restore jobs' legacy list was reported last, on the restore jobs view
    const seen = run(
      at('checkpoints'),
      deprecated('listGroupClusterBackupCheckpoints'),
      deprecated('listGroupClusterRestoreJobs'),
    );
    expect(deprecationOf(seen)).toBe('Atlas deprecated listGroupClusterBackupCheckpoints (API 2023-01-01)');
  });

  it('shows none on a view whose operations are not deprecated', () => {
    const seen = run(at('checkpoints'), deprecated('listGroupClusterRestoreJobs'));
    expect(deprecationOf(seen)).toBeUndefined();
    // tab: restore points → restore jobs, whose legacy list it is
    expect(deprecationOf(run(at('restorePoints'), deprecated('listGroupClusterRestoreJobs'), nextView))).toBe(
      'Atlas deprecated listGroupClusterRestoreJobs (API 2023-01-01)',
    );
  });

  it("prefers a restore point list's own deprecation to the cluster list it also reads", () => {
    const seen = run(at('restorePoints'), deprecated('listGroupClusters'), deprecated('listGroupClusterSnapshots'));
    expect(deprecationOf(seen)).toBe('Atlas deprecated listGroupClusterSnapshots (API 2023-01-01)');
    expect(deprecationOf(run(at('restorePoints'), deprecated('listGroupClusters')))).toBe(
      'Atlas deprecated listGroupClusters (API 2023-01-01)',
    );
  });

  it("keeps the restore points' cluster read (API 2023-01-01) off the cluster list, which reads a newer version", () => {
    const clusters = (state: BrowserState): BrowserState => ({ ...state, stack: state.stack.slice(0, 2) });
    expect(deprecationOf(clusters(run(at('restorePoints'), deprecated('listGroupClusters'))))).toBeUndefined();
    expect(deprecationOf(clusters(run(at('restorePoints'), deprecated('listGroupClusters', '2024-08-05'))))).toBe(
      'Atlas deprecated listGroupClusters (API 2024-08-05)',
    );
  });
});
