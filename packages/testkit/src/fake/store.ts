import type { Checkpoint, Cluster, Group } from '../fixtures/model.js';
import type { Fixtures } from '../fixtures/types.js';

/** One cluster's data, with a lazily built id index. */
export interface StoredCluster {
  readonly cluster: Cluster;
  readonly checkpoints: readonly Checkpoint[];
  byId(id: string): Checkpoint | undefined;
}

/** One project with its clusters by name. */
export interface StoredGroup {
  readonly group: Group;
  readonly clusterList: readonly Cluster[];
  readonly clusters: ReadonlyMap<string, StoredCluster>;
}

/** Read-only indexes over the fixtures the fake serves. */
export interface FixtureStore {
  readonly groups: readonly Group[];
  group(id: string): StoredGroup | undefined;
}

/**
 * Indexes fixtures for O(1) lookups by group id, cluster name and checkpoint id.
 *
 * @example
 * createStore(fixtures).group(groupId)?.clusters.get('Cluster0')?.byId(checkpointId);
 */
export function createStore(fixtures: Fixtures): FixtureStore {
  const byGroup = new Map<string, StoredGroup>();
  for (const project of fixtures.projects) {
    const clusters = new Map<string, StoredCluster>();
    for (const entry of project.clusters) {
      let index: Map<string, Checkpoint> | undefined;
      clusters.set(String(entry.cluster.name), {
        cluster: entry.cluster,
        checkpoints: entry.checkpoints,
        byId(id) {
          index ??= new Map(entry.checkpoints.map((checkpoint) => [String(checkpoint.id), checkpoint]));
          return index.get(id);
        },
      });
    }
    byGroup.set(String(project.group.id), {
      group: project.group,
      clusterList: project.clusters.map((entry) => entry.cluster),
      clusters,
    });
  }
  return { groups: fixtures.projects.map((project) => project.group), group: (id) => byGroup.get(id) };
}
