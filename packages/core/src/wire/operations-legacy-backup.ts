import { LegacyRestoreJob } from '../schemas/legacy-restore-job.js';
import { isLegacyRestoreJobRunning } from '../schemas/restore-job-state.js';
import { LegacySnapshotSchedule } from '../schemas/legacy-snapshot-schedule.js';
import { LegacySnapshot } from '../schemas/legacy-snapshot.js';
import { LegacyRestoreJobPage, LegacySnapshotPage } from '../schemas/pages.js';
import { ClusterName, GroupId, JobId, SnapshotId } from '../schemas/params.js';
import { ATLAS_API_VERSION } from './api-version.js';
import { defineOperation, type Operation } from './operation.js';
import { LIST_QUERY, QUERY_PARAMETERS, RESOURCE_QUERY } from './query-parameters.js';

const CLUSTER = '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}';
const IN_CLUSTER = { groupId: GroupId, clusterName: ClusterName };
const running = (item: unknown) => isLegacyRestoreJobRunning(item as LegacyRestoreJob);

/**
 * The Legacy Backup operations of the operation table beside the checkpoints (tag "Legacy Backup"
 * of the backup excerpt, deprecated like them): a cluster's legacy snapshots, restore jobs and
 * snapshot schedule.
 *
 * @example
 * LEGACY_BACKUP_OPERATIONS.listGroupClusterSnapshots.method // 'listLegacySnapshots'
 */
export const LEGACY_BACKUP_OPERATIONS = {
  listGroupClusterSnapshots: defineOperation({
    operationId: 'listGroupClusterSnapshots',
    method: 'listLegacySnapshots',
    summary: 'Return All Legacy Backup Snapshots',
    path: `${CLUSTER}/snapshots`,
    pathParameters: IN_CLUSTER,
    query: [...LIST_QUERY, QUERY_PARAMETERS.completed],
    shape: 'list',
    deprecated: true,
    versions: [{ version: ATLAS_API_VERSION, schema: LegacySnapshotPage, component: 'PaginatedSnapshotView' }],
  }),
  getGroupClusterSnapshot: defineOperation({
    operationId: 'getGroupClusterSnapshot',
    method: 'getLegacySnapshot',
    summary: 'Return One Legacy Backup Snapshot',
    path: `${CLUSTER}/snapshots/{snapshotId}`,
    pathParameters: { ...IN_CLUSTER, snapshotId: SnapshotId },
    query: RESOURCE_QUERY,
    shape: 'resource',
    deprecated: true,
    versions: [{ version: ATLAS_API_VERSION, schema: LegacySnapshot, component: 'BackupSnapshot' }],
  }),
  listGroupClusterRestoreJobs: defineOperation({
    operationId: 'listGroupClusterRestoreJobs',
    method: 'listLegacyRestoreJobs',
    summary: 'Return All Legacy Backup Restore Jobs',
    path: `${CLUSTER}/restoreJobs`,
    pathParameters: IN_CLUSTER,
    query: [...LIST_QUERY, QUERY_PARAMETERS.batchId],
    shape: 'list',
    deprecated: true,
    versions: [{ version: ATLAS_API_VERSION, schema: LegacyRestoreJobPage, component: 'PaginatedRestoreJobView' }],
    mayChange: running,
  }),
  getGroupClusterRestoreJob: defineOperation({
    operationId: 'getGroupClusterRestoreJob',
    method: 'getLegacyRestoreJob',
    summary: 'Return One Legacy Backup Restore Job',
    path: `${CLUSTER}/restoreJobs/{jobId}`,
    pathParameters: { ...IN_CLUSTER, jobId: JobId },
    query: RESOURCE_QUERY,
    shape: 'resource',
    deprecated: true,
    versions: [{ version: ATLAS_API_VERSION, schema: LegacyRestoreJob, component: 'BackupRestoreJob' }],
    mayChange: running,
  }),
  getGroupClusterSnapshotSchedule: defineOperation({
    operationId: 'getGroupClusterSnapshotSchedule',
    method: 'getLegacySnapshotSchedule',
    summary: 'Return One Snapshot Schedule',
    path: `${CLUSTER}/snapshotSchedule`,
    pathParameters: IN_CLUSTER,
    query: RESOURCE_QUERY,
    shape: 'resource',
    deprecated: true,
    versions: [{ version: ATLAS_API_VERSION, schema: LegacySnapshotSchedule, component: 'ApiAtlasSnapshotScheduleView' }],
  }),
} as const satisfies Record<string, Operation>;
