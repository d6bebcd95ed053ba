import type { AtlasReader, Checkpoint, ClusterRow, PageOf, ProjectRow } from '../source/types.js';
import { checkpoints, hexId } from './rows.js';

const page = <T>(all: readonly T[], pageNum = 1, itemsPerPage = 100): PageOf<T> => ({
  results: all.slice((pageNum - 1) * itemsPerPage, pageNum * itemsPerPage),
  totalCount: all.length,
});

/** An in-memory reader: 2 projects, 2 clusters in the first, `count` checkpoints in Cluster0. */
export function memoryReader(count = 120, fail?: () => Error | undefined): AtlasReader & { calls: string[] } {
  const projects: ProjectRow[] = [
    { id: hexId(1, 'a'), name: 'production', clusterCount: 2 },
    { id: hexId(2, 'a'), name: 'staging', clusterCount: 0 },
  ];
  const clusters: ClusterRow[] = [
    { name: 'Cluster0', clusterType: 'REPLICASET', stateName: 'IDLE', backupEnabled: true },
    { name: 'Analytics', clusterType: 'SHARDED', stateName: 'IDLE', backupEnabled: true },
  ];
  const items: Checkpoint[] = checkpoints(count);
  const calls: string[] = [];
  const guard = (call: string): void => {
    calls.push(call);
    const error = fail?.();
    if (error !== undefined) throw error;
  };
  return {
    calls,
    baseUrl: 'http://memory.local',
    listProjects: async (p) => (guard(`projects:${p.pageNum}`), page(projects, p.pageNum, p.itemsPerPage)),
    listClusters: async (p) => (
      guard(`clusters:${p.groupId}:${p.pageNum}`),
      page(p.groupId === projects[0]?.id ? clusters : [], p.pageNum, p.itemsPerPage)
    ),
    listClusterBackupCheckpoints: async (p) => (
      guard(`checkpoints:${p.clusterName}:${p.pageNum}`),
      page(p.clusterName === 'Cluster0' ? items : [], p.pageNum, p.itemsPerPage)
    ),
    getClusterBackupCheckpoint: async (p) => {
      guard(`get:${p.checkpointId}`);
      const found = items.find((c) => c.id === p.checkpointId);
      if (found === undefined) throw new Error(`no checkpoint ${p.checkpointId}`);
      return found;
    },
  };
}
