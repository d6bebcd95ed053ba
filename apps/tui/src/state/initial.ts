import { clusterScreen } from './cluster-views.js';
import { emptyList } from './list.js';
import type { BrowserState, ClusterView, Screen } from './types.js';

/** Rows per page the browser reads (Atlas allows 1–500). */
const DEFAULT_PAGE_SIZE = 100;

/** Where the browser starts: the projects list, or deeper when flags name a project/cluster/checkpoint. */
export interface StartAt {
  readonly groupId?: string | undefined;
  readonly clusterName?: string | undefined;
  readonly checkpointId?: string | undefined;
  /** The cluster's view to open (default: its restore points; its checkpoints with `checkpointId`). */
  readonly view?: ClusterView | undefined;
}

/**
 * The first state: the stack holds every level above the one the flags jump to, so `esc` walks back up.
 *
 * @example
 * initialState({ rows: 30, columns: 100 }, { groupId: '5f…', clusterName: 'Cluster0' }, 100)
 */
export function initialState(
  viewport: { rows: number; columns: number },
  start: StartAt = {},
  pageSize = DEFAULT_PAGE_SIZE,
): BrowserState {
  const stack: Screen[] = [{ kind: 'projects', id: 1, list: emptyList() }];
  const { groupId, clusterName, checkpointId } = start;
  if (groupId !== undefined) {
    stack.push({ kind: 'clusters', id: 2, groupId, projectName: groupId, list: emptyList() });
    if (clusterName !== undefined) {
      const view = start.view ?? (checkpointId === undefined ? 'restorePoints' : 'checkpoints');
      stack.push(clusterScreen(view, 3, { groupId, projectName: groupId, clusterName }));
      if (checkpointId !== undefined) {
        stack.push({
          kind: 'detail',
          id: 4,
          groupId,
          projectName: groupId,
          clusterName,
          checkpointId,
          checkpoint: undefined,
          pending: undefined,
          error: undefined,
          scroll: 0,
        });
      }
    }
  }
  return {
    stack,
    nextId: stack.length + 1,
    viewport,
    filterDraft: undefined,
    help: false,
    rateLimitedMs: undefined,
    cache: {},
    copyRequest: undefined,
    unsentCopies: [],
    notice: undefined,
    deprecations: [],
    pageSize,
    quit: false,
    interrupted: false,
  };
}
