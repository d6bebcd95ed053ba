import type { Static } from '@sinclair/typebox';
import { AdvancedClusterDescription } from './advanced-cluster-description.js';
import { Checkpoint } from './checkpoint.js';
import { CloudBackupRestoreJob } from './cloud-backup-restore-job.js';
import { CloudBackupShardedSnapshot, CloudBackupSnapshot } from './cloud-backup-snapshot.js';
import { ClusterDescription20240805 } from './cluster-description-20240805.js';
import { Cluster } from './cluster.js';
import { Group } from './group.js';
import { LegacyRestoreJob } from './legacy-restore-job.js';
import { LegacySnapshot } from './legacy-snapshot.js';
import { Paginated } from './paginated.js';

/**
 * A page of checkpoints (`PaginatedApiAtlasCheckpointView`).
 *
 * @example
 * const page: CheckpointPage = assertShape(CheckpointPageCheck, body, url);
 */
export const CheckpointPage = Paginated(Checkpoint);
export type CheckpointPage = Static<typeof CheckpointPage>;

/**
 * A page of projects (`PaginatedAtlasGroupView`).
 *
 * @example
 * const page: GroupPage = assertShape(GroupPageCheck, body, url);
 */
export const GroupPage = Paginated(Group);
export type GroupPage = Static<typeof GroupPage>;

/**
 * A page of clusters (`PaginatedLegacyClusterView`).
 *
 * @example
 * const page: ClusterPage = assertShape(ClusterPageCheck, body, url);
 */
export const ClusterPage = Paginated(Cluster);
export type ClusterPage = Static<typeof ClusterPage>;

/**
 * A page of clusters in API version 2023-02-01 (`PaginatedAdvancedClusterDescriptionView`).
 *
 * @example
 * const page: AdvancedClusterDescriptionPage = await client.call('listGroupClusters', { groupId }, { apiVersion: '2023-02-01' });
 */
export const AdvancedClusterDescriptionPage = Paginated(AdvancedClusterDescription);
export type AdvancedClusterDescriptionPage = Static<typeof AdvancedClusterDescriptionPage>;

/**
 * A page of clusters in API version 2024-08-05 (`PaginatedClusterDescription20240805`).
 *
 * @example
 * const page: ClusterDescription20240805Page = await client.listClusters({ groupId });
 */
export const ClusterDescription20240805Page = Paginated(ClusterDescription20240805);
export type ClusterDescription20240805Page = Static<typeof ClusterDescription20240805Page>;

/**
 * A page of Cloud Backup replica-set snapshots (`PaginatedCloudBackupReplicaSetView`).
 *
 * @example
 * const page: CloudBackupSnapshotPage = await client.listBackupSnapshots({ groupId, clusterName });
 */
export const CloudBackupSnapshotPage = Paginated(CloudBackupSnapshot);
export type CloudBackupSnapshotPage = Static<typeof CloudBackupSnapshotPage>;

/**
 * A page of Cloud Backup sharded-cluster snapshots (`PaginatedCloudBackupShardedClusterSnapshotView`).
 *
 * @example
 * const page: CloudBackupShardedSnapshotPage = await client.listShardedClusterBackupSnapshots({ groupId, clusterName });
 */
export const CloudBackupShardedSnapshotPage = Paginated(CloudBackupShardedSnapshot);
export type CloudBackupShardedSnapshotPage = Static<typeof CloudBackupShardedSnapshotPage>;

/**
 * A page of Cloud Backup restore jobs (`PaginatedCloudBackupRestoreJobView`).
 *
 * @example
 * const page: CloudBackupRestoreJobPage = await client.listBackupRestoreJobs({ groupId, clusterName });
 */
export const CloudBackupRestoreJobPage = Paginated(CloudBackupRestoreJob);
export type CloudBackupRestoreJobPage = Static<typeof CloudBackupRestoreJobPage>;

/**
 * A page of legacy backup snapshots (`PaginatedSnapshotView`).
 *
 * @example
 * const page: LegacySnapshotPage = await client.listLegacySnapshots({ groupId, clusterName });
 */
export const LegacySnapshotPage = Paginated(LegacySnapshot);
export type LegacySnapshotPage = Static<typeof LegacySnapshotPage>;

/**
 * A page of legacy backup restore jobs (`PaginatedRestoreJobView`).
 *
 * @example
 * const page: LegacyRestoreJobPage = await client.listLegacyRestoreJobs({ groupId, clusterName });
 */
export const LegacyRestoreJobPage = Paginated(LegacyRestoreJob);
export type LegacyRestoreJobPage = Static<typeof LegacyRestoreJobPage>;
