import { createAtlasClient, paginate } from '@atlas-checkpoints/core';
import { describe, expect, it } from 'vitest';
import { isRestoreJobRunning, listRestoreJobs } from '../source/restore-jobs.js';
import { createDemoTransport, DEMO_CHECKPOINTS, DEMO_CLUSTER_ORDER } from './demo.js';

describe('demo data', () => {
  it('gives every project a sharded cluster with many checkpoints; replica sets have none (legacy checkpoints are sharded-only)', async () => {
    const transport = await createDemoTransport();
    const client = createAtlasClient({ baseUrl: transport.baseUrl, fetch: transport.fetch });
    const projects = await client.listProjects();
    expect(projects.results).toHaveLength(3);
    for (const project of projects.results.slice(1)) {
      const clusters = await client.listClusters({ groupId: project.id });
      expect(clusters.results[0]?.clusterType).toBe('SHARDED'); // what `list --demo` opens by default
      const counts: Array<[string | undefined, number | undefined]> = [];
      for (const cluster of clusters.results) {
        const page = await client.listClusterBackupCheckpoints({ groupId: project.id, clusterName: String(cluster.name) });
        counts.push([cluster.clusterType, page.totalCount]);
      }
      expect(counts.filter(([type]) => type === 'SHARDED').every(([, total]) => total === DEMO_CHECKPOINTS)).toBe(true);
      expect(counts.some(([type]) => type === 'SHARDED')).toBe(true);
      expect(counts.filter(([type]) => type !== 'SHARDED').every(([, total]) => total === 0)).toBe(true);
    }
  });

  it('--demo-checkpoints fills the first sharded cluster with checkpoints of a part per shard plus the config server', async () => {
    const transport = await createDemoTransport(1_200);
    const client = createAtlasClient({ baseUrl: transport.baseUrl, fetch: transport.fetch });
    const [project] = (await client.listProjects()).results;
    const groupId = String(project?.id);
    const sharded = (await client.listClusters({ groupId })).results.find((cluster) => cluster.clusterType === 'SHARDED');
    const all = await paginate(
      client.listClusterBackupCheckpoints,
      { groupId, clusterName: String(sharded?.name) },
      { itemsPerPage: 500 },
    ).toArray({ limit: 5_000 });
    expect(all).toHaveLength(1_200);
    for (const checkpoint of all.slice(0, 50)) {
      const types = checkpoint.parts?.map((part) => part.typeName) ?? [];
      // the 2024-08-05 cluster document has one replicationSpecs entry per shard
      const shards = (sharded as { replicationSpecs?: unknown[] } | undefined)?.replicationSpecs?.length;
      expect(types).toEqual([...Array.from({ length: Number(shards) }, () => 'REPLICA_SET'), types.at(-1)]);
      expect(types.at(-1)).toMatch(/^CONFIG_SERVER(_REPLICA_SET)?$/);
    }
  });

  it('opens on a project whose clusters cover every case of restore points, the one with checkpoints first', async () => {
    const transport = await createDemoTransport();
    const client = createAtlasClient({ baseUrl: transport.baseUrl, fetch: transport.fetch });
    const groupId = String((await client.listProjects()).results[0]?.id);
    const clusters = (await client.listClusters({ groupId })).results.map((cluster) => String(cluster.name));
    expect(clusters).toEqual([...DEMO_CLUSTER_ORDER]);
    const kinds = async (clusterName: string) =>
      new Set((await client.listRestorePoints({ groupId, clusterName })).map((point) => point.kind));
    expect(await kinds('sharded-legacy')).toEqual(new Set(['checkpoint', 'legacySnapshot']));
    expect(await kinds('replica-cloud')).toEqual(new Set(['snapshot']));
    expect(await kinds('sharded-cloud')).toEqual(new Set(['shardedSnapshot']));
    const jobs = await listRestoreJobs(client, { groupId, clusterName: 'restoring' });
    expect(jobs.filter(isRestoreJobRunning).length).toBeGreaterThan(0);
    const legacyJobs = await listRestoreJobs(client, { groupId, clusterName: 'sharded-legacy' });
    expect(legacyJobs.some((job) => job.kind === 'legacyRestoreJob')).toBe(true);
  });
});
