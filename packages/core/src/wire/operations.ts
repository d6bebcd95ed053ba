import { Checkpoint } from '../schemas/checkpoint.js';
import {
  AdvancedClusterDescriptionPage,
  CheckpointPage,
  ClusterDescription20240805Page,
  ClusterPage,
  GroupPage,
} from '../schemas/pages.js';
import { CheckpointId, ClusterName, GroupId } from '../schemas/params.js';
import { ATLAS_API_VERSION } from './api-version.js';
import { defineOperation, type Operation } from './operation.js';
import { CLOUD_BACKUP_OPERATIONS } from './operations-cloud-backup.js';
import { LEGACY_BACKUP_OPERATIONS } from './operations-legacy-backup.js';
import { LIST_QUERY, QUERY_PARAMETERS, RESOURCE_QUERY } from './query-parameters.js';

/**
 * The operation table: every Atlas operation this toolkit knows, named once, as the official
 * OpenAPI excerpts describe it (`operationId`, path, parameters, versions with their 200 schema
 * and `x-sunset`, `deprecated`). Core's client methods, the fake's and the proxy's routes, the
 * proxy's cache keys, metric labels and `/openapi.json` are all built from it. Adding an
 * operation is one entry here (or in a resource family's file: `operations-cloud-backup.ts`,
 * `operations-legacy-backup.ts`) plus its schemas.
 *
 * @example
 * const op = OPERATIONS.listGroupClusterBackupCheckpoints;
 * op.path // '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backupCheckpoints'
 */
export const OPERATIONS = {
  listGroups: defineOperation({
    operationId: 'listGroups',
    method: 'listProjects',
    summary: 'Return All Projects',
    path: '/api/atlas/v2/groups',
    pathParameters: {},
    query: LIST_QUERY,
    shape: 'list',
    deprecated: false,
    versions: [{ version: ATLAS_API_VERSION, schema: GroupPage, component: 'PaginatedAtlasGroupView' }],
  }),
  listGroupClusters: defineOperation({
    operationId: 'listGroupClusters',
    method: 'listClusters',
    summary: 'Return All Clusters in One Project',
    path: '/api/atlas/v2/groups/{groupId}/clusters',
    pathParameters: { groupId: GroupId },
    query: [...LIST_QUERY, QUERY_PARAMETERS.includeDeletedWithRetainedBackups],
    shape: 'list',
    deprecated: false,
    versions: [
      { version: ATLAS_API_VERSION, schema: ClusterPage, component: 'PaginatedLegacyClusterView', sunset: '2027-07-01' },
      {
        version: '2023-02-01',
        schema: AdvancedClusterDescriptionPage,
        component: 'PaginatedAdvancedClusterDescriptionView',
        sunset: '2027-07-01',
      },
      { version: '2024-08-05', schema: ClusterDescription20240805Page, component: 'PaginatedClusterDescription20240805' },
    ],
  }),
  listGroupClusterBackupCheckpoints: defineOperation({
    operationId: 'listGroupClusterBackupCheckpoints',
    method: 'listClusterBackupCheckpoints',
    summary: 'Return All Legacy Backup Checkpoints',
    path: '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backupCheckpoints',
    pathParameters: { groupId: GroupId, clusterName: ClusterName },
    query: LIST_QUERY,
    shape: 'list',
    deprecated: true,
    versions: [{ version: ATLAS_API_VERSION, schema: CheckpointPage, component: 'PaginatedApiAtlasCheckpointView' }],
  }),
  getGroupClusterBackupCheckpoint: defineOperation({
    operationId: 'getGroupClusterBackupCheckpoint',
    method: 'getClusterBackupCheckpoint',
    summary: 'Return One Legacy Backup Checkpoint',
    path: '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backupCheckpoints/{checkpointId}',
    pathParameters: { groupId: GroupId, clusterName: ClusterName, checkpointId: CheckpointId },
    query: RESOURCE_QUERY,
    shape: 'resource',
    deprecated: true,
    versions: [{ version: ATLAS_API_VERSION, schema: Checkpoint, component: 'ApiAtlasCheckpointView' }],
  }),
  ...CLOUD_BACKUP_OPERATIONS,
  ...LEGACY_BACKUP_OPERATIONS,
} as const satisfies Record<string, Operation>;

/** The table's operations. */
export type Operations = typeof OPERATIONS;
/** An operation's `operationId`, e.g. `listGroupClusters`. */
export type OperationId = keyof Operations;
/** Core's method name of an operation, e.g. `listClusters`. */
export type MethodName = Operations[OperationId]['method'];

/**
 * Every operation of the table, in table order.
 *
 * @example
 * for (const op of OPERATION_LIST) app.get(routePattern(op), handler(op));
 */
export const OPERATION_LIST: readonly Operation[] = Object.values(OPERATIONS);
