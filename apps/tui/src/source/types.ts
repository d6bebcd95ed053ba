/**
 * The shapes the app reads. Core's `Group`, `Cluster` and `Checkpoint` are assignable to these (they
 * carry every field below, optional, and more); the app only names what it displays.
 */
import type {
  Checkpoint,
  CloudBackupRestoreJob,
  CloudBackupShardedSnapshot,
  CloudBackupSnapshot,
  LegacyRestoreJob,
  LegacySnapshot,
  RestorePoint,
} from '@atlas-checkpoints/core';

export type { Checkpoint, RestorePoint };

/** A project (`Group`) as the app displays it. */
export interface ProjectRow {
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly orgId?: string | undefined;
  readonly clusterCount?: number | undefined;
  readonly created?: string | undefined;
}

/** A cluster as the app displays it. */
export interface ClusterRow {
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly clusterType?: string | undefined;
  readonly stateName?: string | undefined;
  readonly mongoDBVersion?: string | undefined;
  readonly backupEnabled?: boolean | undefined;
  readonly paused?: boolean | undefined;
}

/** One page of a list, as Atlas sends it. */
export interface PageOf<T> {
  readonly results: readonly T[];
  readonly totalCount?: number | undefined;
  readonly links?: ReadonlyArray<{ readonly href?: string | undefined; readonly rel?: string | undefined }> | undefined;
}

/** List query parameters shared by every list call. */
interface ListParams {
  readonly pageNum?: number;
  readonly itemsPerPage?: number;
  readonly includeCount?: boolean;
  readonly signal?: AbortSignal;
}

type InCluster = { readonly groupId: string; readonly clusterName: string; readonly signal?: AbortSignal };

/**
 * The calls the app makes: core's `createAtlasClient(...)` satisfies this interface.
 *
 * @example
 * const reader: AtlasReader = createAtlasClient({ baseUrl, auth });
 */
export interface AtlasReader {
  readonly baseUrl: string;
  listProjects(params: ListParams): Promise<PageOf<ProjectRow>>;
  listClusters(params: ListParams & { readonly groupId: string }): Promise<PageOf<ClusterRow>>;
  listClusterBackupCheckpoints(
    params: ListParams & { readonly groupId: string; readonly clusterName: string },
  ): Promise<PageOf<Checkpoint>>;
  getClusterBackupCheckpoint(params: {
    readonly groupId: string;
    readonly clusterName: string;
    readonly checkpointId: string;
    readonly signal?: AbortSignal;
  }): Promise<Checkpoint>;
  /** Core's merged, newest-first restore points of a cluster. */
  listRestorePoints(params: InCluster): Promise<RestorePoint[]>;
  listBackupRestoreJobs(params: ListParams & InCluster): Promise<PageOf<CloudBackupRestoreJob>>;
  listLegacyRestoreJobs(params: ListParams & InCluster): Promise<PageOf<LegacyRestoreJob>>;
  getBackupSnapshot(params: InCluster & { readonly snapshotId: string }): Promise<CloudBackupSnapshot>;
  getShardedClusterBackupSnapshot(params: InCluster & { readonly snapshotId: string }): Promise<CloudBackupShardedSnapshot>;
  getLegacySnapshot(params: InCluster & { readonly snapshotId: string }): Promise<LegacySnapshot>;
  getBackupRestoreJob(params: InCluster & { readonly restoreJobId: string }): Promise<CloudBackupRestoreJob>;
  getLegacyRestoreJob(params: InCluster & { readonly jobId: string }): Promise<LegacyRestoreJob>;
}
