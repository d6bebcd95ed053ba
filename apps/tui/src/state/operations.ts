import type { BrowserState, Screen } from './types.js';
import { currentScreen } from './selectors.js';

/** An operation behind a screen: its `operationId`, and which of its API versions it is read at. */
interface OperationRef {
  readonly operationId: string;
  readonly version: (apiVersion: string) => boolean;
}

/**
 * core's `listRestorePoints` reads the cluster list at this version (for the cluster's type); the
 * browser's cluster list reads it at the client's own (newest) version.
 */
const RESTORE_POINTS_CLUSTERS_VERSION = '2023-01-01';

const any = (operationId: string): OperationRef => ({ operationId, version: () => true });

/**
 * The Atlas operations behind a screen, the one that reads its rows first: a cluster's restore
 * points also read its cluster list (at 2023-01-01, for its type) and each backup's list.
 *
 * @example
 * operationsOf({ kind: 'checkpoints', … }).map((o) => o.operationId) // ['listGroupClusterBackupCheckpoints']
 */
function operationsOf(screen: Screen): readonly OperationRef[] {
  return operationIdsOf(screen).map((id) =>
    id !== 'listGroupClusters'
      ? any(id)
      : screen.kind === 'restorePoints'
        ? { operationId: id, version: (v) => v === RESTORE_POINTS_CLUSTERS_VERSION }
        : { operationId: id, version: (v) => v !== RESTORE_POINTS_CLUSTERS_VERSION },
  );
}

function operationIdsOf(screen: Screen): readonly string[] {
  switch (screen.kind) {
    case 'projects':
      return ['listGroups'];
    case 'clusters':
      return ['listGroupClusters'];
    case 'checkpoints':
      return ['listGroupClusterBackupCheckpoints'];
    case 'detail':
      return ['getGroupClusterBackupCheckpoint'];
    case 'restorePoints':
      return [
        'listGroupClusterBackupSnapshots',
        'listGroupClusterBackupSnapshotShardedClusters',
        'listGroupClusterBackupCheckpoints',
        'listGroupClusterSnapshots',
        'listGroupClusters',
      ];
    case 'restoreJobs':
      return ['listGroupClusterBackupRestoreJobs', 'listGroupClusterRestoreJobs'];
    case 'record':
      return [RECORD_OPERATIONS[screen.record.kind]];
    default:
      return screen satisfies never;
  }
}

/** The operation that reads one restore point or restore job again. */
const RECORD_OPERATIONS: Readonly<Record<Extract<Screen, { kind: 'record' }>['record']['kind'], string>> = {
  snapshot: 'getGroupClusterBackupSnapshot',
  shardedSnapshot: 'getGroupClusterBackupSnapshotShardedCluster',
  checkpoint: 'getGroupClusterBackupCheckpoint',
  legacySnapshot: 'getGroupClusterSnapshot',
  cloudRestoreJob: 'getGroupClusterBackupRestoreJob',
  legacyRestoreJob: 'getGroupClusterRestoreJob',
};

/**
 * The deprecation line of an operation behind the current screen (the first of them Atlas said is
 * deprecated, at the version the screen reads it), or `undefined`: a deprecation seen on another
 * screen is not this screen's.
 *
 * @example
 * deprecationOf(state) // 'Atlas deprecated listGroupClusterBackupCheckpoints (API 2023-01-01)'
 */
export function deprecationOf(state: BrowserState): string | undefined {
  for (const { operationId, version } of operationsOf(currentScreen(state)))
    for (const seen of state.deprecations) if (seen.operationId === operationId && version(seen.apiVersion)) return seen.text;
  return undefined;
}
