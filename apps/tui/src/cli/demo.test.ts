import { createAtlasClient, paginate } from '@atlas-checkpoints/core';
import { describe, expect, it } from 'vitest';
import { createDemoTransport, DEMO_CHECKPOINTS } from './demo.js';

describe('demo data', () => {
  it('gives every project a sharded cluster with many checkpoints; replica sets have none (legacy checkpoints are sharded-only)', async () => {
    const transport = await createDemoTransport();
    const client = createAtlasClient({ baseUrl: transport.baseUrl, fetch: transport.fetch });
    const projects = await client.listProjects();
    expect(projects.results).toHaveLength(3);
    for (const project of projects.results) {
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
});
