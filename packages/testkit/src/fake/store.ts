import type { Checkpoint, Cluster, Group } from '../fixtures/model.js';
import type { ClusterBackupData, FixtureCluster, Fixtures } from '../fixtures/types.js';

/** One cluster's data, with lazily built id indexes. */
export interface StoredCluster {
  readonly cluster: Cluster;
  readonly checkpoints: readonly Checkpoint[];
  /** The cluster's backup data (snapshots, restore jobs, schedules) as generated. */
  readonly backup: ClusterBackupData;
  byId(id: string): Checkpoint | undefined;
  /** A document of one of the backup lists by id (`snapshots`, `restoreJobs`, …). */
  find<K extends BackupList>(list: K, id: string): ClusterBackupData[K][number] | undefined;
}

/** The backup lists of a cluster that hold documents with ids. */
export type BackupList = 'snapshots' | 'shardedSnapshots' | 'restoreJobs' | 'legacySnapshots' | 'legacyRestoreJobs';

/** One project with its clusters by name. */
export interface StoredGroup {
  readonly group: Group;
  readonly clusterList: readonly Cluster[];
  readonly clusters: ReadonlyMap<string, StoredCluster>;
}

/**
 * Indexes over the fixtures the fake serves, read-only but for one thing: how many times each
 * running restore job has been read (`reads`), which advances its status deterministically.
 */
export interface FixtureStore {
  readonly groups: readonly Group[];
  group(id: string): StoredGroup | undefined;
  /** Reads so far per restore job id (a running job finishes after a few, see `cloudRestoreJobAt`); never counted when frozen. */
  readonly reads: Map<string, number>;
  /** Whether reads advance running restore jobs. */
  readonly advance: boolean;
}

function storeCluster(entry: FixtureCluster): StoredCluster {
  let index: Map<string, Checkpoint> | undefined;
  const indexes = new Map<BackupList, Map<string, { id: string }>>();
  return {
    cluster: entry.cluster,
    checkpoints: entry.checkpoints,
    backup: entry,
    byId(id) {
      index ??= new Map(entry.checkpoints.map((checkpoint) => [String(checkpoint.id), checkpoint]));
      return index.get(id);
    },
    find(list, id) {
      let byId = indexes.get(list);
      if (!byId) {
        byId = new Map((entry[list] as ReadonlyArray<{ id: string }>).map((item) => [item.id, item]));
        indexes.set(list, byId);
      }
      return byId.get(id);
    },
  };
}

/**
 * Indexes fixtures for O(1) lookups by group id, cluster name and document id.
 *
 * @example
 * createStore(fixtures).group(groupId)?.clusters.get('Cluster0')?.byId(checkpointId);
 */
export function createStore(fixtures: Fixtures, advance = true): FixtureStore {
  const byGroup = new Map<string, StoredGroup>();
  for (const project of fixtures.projects) {
    const clusters = new Map<string, StoredCluster>();
    for (const entry of project.clusters) clusters.set(String(entry.cluster.name), storeCluster(entry));
    byGroup.set(String(project.group.id), {
      group: project.group,
      clusterList: project.clusters.map((entry) => entry.cluster),
      clusters,
    });
  }
  return { groups: fixtures.projects.map((project) => project.group), group: (id) => byGroup.get(id), reads: new Map(), advance };
}
