import { createAtlasClient, paginate } from '@atlas-checkpoints/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeAtlas, generateFixtures, type RunningServer } from '../../src/index.js';
import { bothTransports, type Transport } from './transports.js';

const fixtures = generateFixtures({ seed: 10, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 10_000 });
const fake = createFakeAtlas({ fixtures });
const groupId = String(fixtures.projects[0]?.group.id);
// legacy checkpoints exist only for sharded clusters
const { cluster, checkpoints } = fixtures.projects[0]!.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!;
const clusterName = String(cluster.name);
const expectedIds = checkpoints.map((c) => c.id);
let server: RunningServer;
let transports: Transport[] = [];

beforeAll(async () => {
  ({ server, transports } = await bothTransports(fake));
});
afterAll(() => server.close());

describe('paginating 10,000 checkpoints with core paginate', () => {
  const client = (index: number) => {
    const t = transports[index]!;
    return createAtlasClient({ baseUrl: t.baseUrl, ...(t.fetch ? { fetch: t.fetch } : {}), retry: 0 });
  };

  it.each([
    [500, 1, true, 0],
    [128, 1, true, 0],
    [37, 1, true, 0],
    [250, 1, false, 0],
    [100, 4, true, 0],
    [500, 1, true, 1],
    [200, 4, true, 1],
  ])('itemsPerPage %i, concurrency %i, includeCount %s, transport %i', async (itemsPerPage, concurrency, includeCount, index) => {
    fake.clearRequests();
    const progress: number[] = [];
    const it = paginate(
      client(index).listClusterBackupCheckpoints,
      { groupId, clusterName },
      {
        itemsPerPage,
        concurrency,
        includeCount,
        onProgress: ({ loaded }) => progress.push(loaded),
      },
    );
    const ids: unknown[] = [];
    for await (const checkpoint of it) ids.push(checkpoint.id);
    expect(ids).toEqual(expectedIds);
    expect(it.report).toMatchObject({ itemsYielded: 10_000, duplicatesDropped: 0, totalCountChanged: false });
    expect(progress.at(-1)).toBe(10_000);
    const pages = Math.ceil(10_000 / itemsPerPage);
    expect(fake.requests().filter((r) => r.status === 200)).toHaveLength(pages);
  });

  it('toArray with a limit stops early', async () => {
    fake.clearRequests();
    const items = await paginate(client(0).listClusterBackupCheckpoints, { groupId, clusterName }, { itemsPerPage: 100 }).toArray(
      { limit: 250 },
    );
    expect(items.map((c) => c.id)).toEqual(expectedIds.slice(0, 250));
    // Core may prefetch a page ahead; the walk still stops far short of the 100 pages.
    expect(fake.requests().length).toBeLessThanOrEqual(4);
  });
});
