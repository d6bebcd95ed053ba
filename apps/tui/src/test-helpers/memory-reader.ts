import { newestFirst, restorePoint } from '@atlas-checkpoints/core';
import type { AtlasReader, Checkpoint, ClusterRow, PageOf, ProjectRow } from '../source/types.js';
import { cloudJobs, jobAfter, legacyJobs, snapshots } from './restore-rows.js';
import { checkpoints, hexId } from './rows.js';

const page = <T>(all: readonly T[], pageNum = 1, itemsPerPage = 100): PageOf<T> => ({
  results: all.slice((pageNum - 1) * itemsPerPage, pageNum * itemsPerPage),
  totalCount: all.length,
});

/**
 * An in-memory reader: 2 projects, 2 clusters in the first, `count` checkpoints in Cluster0 and 3
 * snapshots (its restore points), 2 Cloud Backup restore jobs (one running until read twice) and a
 * finished legacy one.
 */
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
  const snaps = snapshots(3);
  const reads = new Map<string, number>();
  const served = () =>
    cloudJobs().map((job) => {
      const before = reads.get(job.id) ?? 0;
      reads.set(job.id, before + 1);
      return jobAfter(job, before);
    });
  const inCluster0 = <T>(clusterName: string, all: readonly T[]): readonly T[] => (clusterName === 'Cluster0' ? all : []);
  const one = <T extends { id: string }>(all: readonly T[], id: string): T => {
    const found = all.find((item) => item.id === id);
    if (found === undefined) throw new Error(`no ${id}`);
    return found;
  };
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
    listRestorePoints: async (p) => {
      guard(`restorePoints:${p.clusterName}`);
      return newestFirst([
        ...inCluster0(p.clusterName, items).map((c) => restorePoint('checkpoint', { ...c, id: c.id ?? '' })),
        ...inCluster0(p.clusterName, snaps).map((s) => restorePoint('snapshot', s)),
      ]);
    },
    listBackupRestoreJobs: async (p) => (guard(`cloudJobs:${p.clusterName}`), page(inCluster0(p.clusterName, served()))),
    listLegacyRestoreJobs: async (p) => (guard(`legacyJobs:${p.clusterName}`), page(inCluster0(p.clusterName, legacyJobs()))),
    getBackupSnapshot: async (p) => (guard(`snapshot:${p.snapshotId}`), one(snaps, p.snapshotId)),
    getShardedClusterBackupSnapshot: async (p) => {
      guard(`shardedSnapshot:${p.snapshotId}`);
      throw new Error(`no ${p.snapshotId}`);
    },
    getLegacySnapshot: async (p) => {
      guard(`legacySnapshot:${p.snapshotId}`);
      throw new Error(`no ${p.snapshotId}`);
    },
    getBackupRestoreJob: async (p) => (guard(`cloudJob:${p.restoreJobId}`), one(served(), p.restoreJobId)),
    getLegacyRestoreJob: async (p) => (guard(`legacyJob:${p.jobId}`), one(legacyJobs(), p.jobId)),
  };
}
