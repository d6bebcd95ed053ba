import type { AtlasClient } from '../client/create-atlas-client.js';
import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import { paginate } from '../pagination/paginate.js';
import type { Page } from '../schemas/paginated.js';
import { newestFirst, restorePoint, type RestorePoint, type RestorePointKind } from './restore-point.js';

/** What decides which lists a cluster has: fields of its 2023-01-01 cluster document (`LegacyAtlasCluster`). */
export interface RestorePointCluster {
  /** `SHARDED` or `GEOSHARDED` have sharded-cluster snapshots and (on legacy backup) checkpoints. */
  readonly clusterType?: string | undefined;
  /** Legacy backup (checkpoints and legacy snapshots). */
  readonly backupEnabled?: boolean | undefined;
  /** Cloud Backup (snapshots). */
  readonly providerBackupEnabled?: boolean | undefined;
}

/** Parameters of {@link listRestorePoints}. */
export interface ListRestorePointsParams {
  readonly groupId: string;
  readonly clusterName: string;
  /** The cluster's 2023-01-01 document when the caller has it; otherwise it is looked up (`listClusters` at 2023-01-01). */
  readonly cluster?: RestorePointCluster | undefined;
  /** Largest number of items read from each list (default 100 000). */
  readonly limit?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

type Methods = Pick<
  AtlasClient<string>,
  'call' | 'listBackupSnapshots' | 'listShardedClusterBackupSnapshots' | 'listClusterBackupCheckpoints' | 'listLegacySnapshots'
>;

/** The lists a cluster has restore points in, by its type and the backup it is on. */
export function restorePointKinds(cluster: RestorePointCluster): RestorePointKind[] {
  const sharded = cluster.clusterType === 'SHARDED' || cluster.clusterType === 'GEOSHARDED';
  const kinds: RestorePointKind[] = [];
  if (cluster.providerBackupEnabled === true) kinds.push(sharded ? 'shardedSnapshot' : 'snapshot');
  if (cluster.backupEnabled === true) {
    if (sharded) kinds.push('checkpoint');
    kinds.push('legacySnapshot');
  }
  return kinds;
}

async function findCluster(client: Methods, params: ListRestorePointsParams): Promise<RestorePointCluster> {
  const { groupId, clusterName, signal } = params;
  const clusters = paginate(
    (page: { pageNum?: number; itemsPerPage?: number; includeCount?: boolean }) =>
      client.call('listGroupClusters', { ...page, groupId, signal }, { apiVersion: '2023-01-01' }),
    {},
    signal ? { signal } : {},
  );
  for await (const cluster of clusters) if (cluster.name === clusterName) return cluster;
  throw new InvalidParameterError('clusterName', clusterName, `the name of a cluster of project ${groupId}`);
}

/**
 * Every point a cluster can be restored to, newest first, each saying what it is (see
 * {@link RestorePoint}): its Cloud Backup snapshots of the kind its type has (replica-set or
 * sharded-cluster) when it is on Cloud Backup (`providerBackupEnabled`), and its legacy
 * checkpoints (sharded clusters only) and legacy snapshots when it is on legacy backup
 * (`backupEnabled` of the 2023-01-01 document). Each list is walked with `paginate`, the lists in
 * parallel; ties of time are broken by kind, then id, so the order is total.
 *
 * @throws {InvalidParameterError} for a bad `groupId`/`clusterName`, or a cluster the project does not have.
 * @throws {AtlasApiError} | {AtlasRequestError} | {ResponseShapeError} as the list methods do.
 * @example
 * const points = await listRestorePoints(client, { groupId, clusterName: 'Cluster0' });
 * points[0]?.kind // 'snapshot' | 'shardedSnapshot' | 'checkpoint' | 'legacySnapshot'
 */
export async function listRestorePoints(client: Methods, params: ListRestorePointsParams): Promise<RestorePoint[]> {
  const { groupId, clusterName, signal } = params;
  const limit = params.limit ?? 100_000;
  const cluster = params.cluster ?? (await findCluster(client, params));
  const walk = async <T extends { id: string }>(
    list: (p: { groupId: string; clusterName: string; signal?: AbortSignal | undefined }) => Promise<Page<T>>,
    wrap: (item: T) => RestorePoint,
  ): Promise<RestorePoint[]> => {
    const bound = (page: { pageNum?: number }) => list({ ...page, groupId, clusterName, signal });
    const items = await paginate(bound, {}, signal ? { signal } : {}).toArray({ limit });
    return items.map(wrap);
  };
  const lists = restorePointKinds(cluster).map((kind) => {
    switch (kind) {
      case 'snapshot':
        return walk(client.listBackupSnapshots, (item) => restorePoint('snapshot', item));
      case 'shardedSnapshot':
        return walk(client.listShardedClusterBackupSnapshots, (item) => restorePoint('shardedSnapshot', item));
      case 'checkpoint':
        return walk(client.listClusterBackupCheckpoints, (item) => restorePoint('checkpoint', item));
      case 'legacySnapshot':
        return walk(client.listLegacySnapshots, (item) => restorePoint('legacySnapshot', item));
    }
  });
  return newestFirst((await Promise.all(lists)).flat());
}
