import { CloudBackupRestoreJob } from '../schemas/cloud-backup-restore-job.js';
import { isCloudBackupRestoreJobRunning } from '../schemas/restore-job-state.js';
import { CloudBackupSchedule, CloudBackupSchedule20240805 } from '../schemas/cloud-backup-schedule.js';
import { CloudBackupShardedSnapshot, CloudBackupSnapshot } from '../schemas/cloud-backup-snapshot.js';
import { CloudBackupRestoreJobPage, CloudBackupShardedSnapshotPage, CloudBackupSnapshotPage } from '../schemas/pages.js';
import { ClusterName, GroupId, RestoreJobId, SnapshotId } from '../schemas/params.js';
import { ATLAS_API_VERSION } from './api-version.js';
import { defineOperation, type Operation } from './operation.js';
import { LIST_QUERY, QUERY_PARAMETERS, RESOURCE_QUERY } from './query-parameters.js';

const CLUSTER = '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}';
const IN_CLUSTER = { groupId: GroupId, clusterName: ClusterName };
const running = (item: unknown) => isCloudBackupRestoreJobRunning(item as CloudBackupRestoreJob);

/**
 * The Cloud Backups operations of the operation table (tag "Cloud Backups" of the backup excerpt):
 * a cluster's replica-set and sharded-cluster snapshots, its restore jobs and its backup schedule.
 * Method names follow the Atlas CLI (`atlas backups snapshots list`, `atlas backups restores list`).
 *
 * @example
 * CLOUD_BACKUP_OPERATIONS.listGroupClusterBackupSnapshots.method // 'listBackupSnapshots'
 */
export const CLOUD_BACKUP_OPERATIONS = {
  // Order matters where paths overlap: `…/snapshots/shardedClusters` must come before
  // `…/snapshots/{snapshotId}`, or routers that try routes in table order would read it as an id.
  listGroupClusterBackupSnapshots: defineOperation({
    operationId: 'listGroupClusterBackupSnapshots',
    method: 'listBackupSnapshots',
    summary: 'Return All Replica Set Cloud Backups',
    path: `${CLUSTER}/backup/snapshots`,
    pathParameters: IN_CLUSTER,
    query: [...LIST_QUERY, QUERY_PARAMETERS.pointInTimeUtcSeconds, QUERY_PARAMETERS.oplogTs, QUERY_PARAMETERS.oplogInc],
    shape: 'list',
    deprecated: false,
    versions: [{ version: ATLAS_API_VERSION, schema: CloudBackupSnapshotPage, component: 'PaginatedCloudBackupReplicaSetView' }],
  }),
  listGroupClusterBackupSnapshotShardedClusters: defineOperation({
    operationId: 'listGroupClusterBackupSnapshotShardedClusters',
    method: 'listShardedClusterBackupSnapshots',
    summary: 'Return All Sharded Cluster Cloud Backups',
    path: `${CLUSTER}/backup/snapshots/shardedClusters`,
    pathParameters: IN_CLUSTER,
    // The spec gives this list no paging parameters: Atlas answers every snapshot in one page.
    query: RESOURCE_QUERY,
    shape: 'list',
    deprecated: false,
    versions: [
      {
        version: ATLAS_API_VERSION,
        schema: CloudBackupShardedSnapshotPage,
        component: 'PaginatedCloudBackupShardedClusterSnapshotView',
      },
    ],
  }),
  getGroupClusterBackupSnapshot: defineOperation({
    operationId: 'getGroupClusterBackupSnapshot',
    method: 'getBackupSnapshot',
    summary: 'Return One Replica Set Cloud Backup',
    path: `${CLUSTER}/backup/snapshots/{snapshotId}`,
    pathParameters: { ...IN_CLUSTER, snapshotId: SnapshotId },
    query: RESOURCE_QUERY,
    shape: 'resource',
    deprecated: false,
    versions: [{ version: ATLAS_API_VERSION, schema: CloudBackupSnapshot, component: 'DiskBackupReplicaSet' }],
  }),
  getGroupClusterBackupSnapshotShardedCluster: defineOperation({
    operationId: 'getGroupClusterBackupSnapshotShardedCluster',
    method: 'getShardedClusterBackupSnapshot',
    summary: 'Return One Sharded Cluster Cloud Backup',
    path: `${CLUSTER}/backup/snapshots/shardedCluster/{snapshotId}`,
    pathParameters: { ...IN_CLUSTER, snapshotId: SnapshotId },
    query: RESOURCE_QUERY,
    shape: 'resource',
    deprecated: false,
    versions: [{ version: ATLAS_API_VERSION, schema: CloudBackupShardedSnapshot, component: 'DiskBackupShardedClusterSnapshot' }],
  }),
  listGroupClusterBackupRestoreJobs: defineOperation({
    operationId: 'listGroupClusterBackupRestoreJobs',
    method: 'listBackupRestoreJobs',
    summary: 'Return All Restore Jobs for One Cluster',
    path: `${CLUSTER}/backup/restoreJobs`,
    pathParameters: IN_CLUSTER,
    query: LIST_QUERY,
    shape: 'list',
    deprecated: false,
    versions: [
      { version: ATLAS_API_VERSION, schema: CloudBackupRestoreJobPage, component: 'PaginatedCloudBackupRestoreJobView' },
    ],
    mayChange: running,
  }),
  getGroupClusterBackupRestoreJob: defineOperation({
    operationId: 'getGroupClusterBackupRestoreJob',
    method: 'getBackupRestoreJob',
    summary: 'Return One Restore Job for One Cluster',
    path: `${CLUSTER}/backup/restoreJobs/{restoreJobId}`,
    pathParameters: { ...IN_CLUSTER, restoreJobId: RestoreJobId },
    query: RESOURCE_QUERY,
    shape: 'resource',
    deprecated: false,
    versions: [{ version: ATLAS_API_VERSION, schema: CloudBackupRestoreJob, component: 'DiskBackupSnapshotRestoreJob' }],
    mayChange: running,
  }),
  getGroupClusterBackupSchedule: defineOperation({
    operationId: 'getGroupClusterBackupSchedule',
    method: 'getBackupSchedule',
    summary: 'Return One Cloud Backup Schedule',
    path: `${CLUSTER}/backup/schedule`,
    pathParameters: IN_CLUSTER,
    query: RESOURCE_QUERY,
    shape: 'resource',
    deprecated: false,
    versions: [
      { version: ATLAS_API_VERSION, schema: CloudBackupSchedule, component: 'DiskBackupSnapshotSchedule', sunset: '2027-07-01' },
      { version: '2024-08-05', schema: CloudBackupSchedule20240805, component: 'DiskBackupSnapshotSchedule20240805' },
    ],
  }),
} as const satisfies Record<string, Operation>;
