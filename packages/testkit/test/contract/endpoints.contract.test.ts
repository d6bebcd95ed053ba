import {
  createAtlasClient,
  isAtlasApiError,
  isInvalidParameterError,
  isResponseShapeError,
  type AtlasApiError,
} from '@atlas-checkpoints/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeAtlas, generateFixtures, type RunningServer } from '../../src/index.js';
import { bothTransports, type Transport } from './transports.js';

const fixtures = generateFixtures({ seed: 42, projects: 3, clustersPerProject: 3, checkpointsPerCluster: 120 });
const fake = createFakeAtlas({ fixtures });
const project = fixtures.projects[2]!;
const groupId = String(project.group.id);
// Legacy checkpoints exist only for sharded clusters; a replica set's list is empty.
const { cluster, checkpoints } = project.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!;
const clusterName = String(cluster.name);
const replicaSet = project.clusters.find((c) => c.cluster.clusterType === 'REPLICASET')!.cluster;
const missing = 'f'.repeat(24);
let server: RunningServer;
let transports: Transport[] = [];

beforeAll(async () => {
  ({ server, transports } = await bothTransports(fake));
});
afterAll(() => server.close());

async function apiError(promise: Promise<unknown>): Promise<AtlasApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAtlasApiError(error)) throw new Error(`expected an AtlasApiError, got ${String(error)}`);
  return error;
}

describe.each([0, 1])('core client against the fake (transport %i)', (index) => {
  const client = () => {
    const t = transports[index]!;
    return createAtlasClient({ baseUrl: t.baseUrl, ...(t.fetch ? { fetch: t.fetch } : {}), retry: 0 });
  };

  it('listProjects: every project, totalCount and links', async () => {
    const page = await client().listProjects({});
    expect(page.results.map((g) => g.id)).toEqual(fixtures.projects.map((p) => p.group.id));
    expect(page.totalCount).toBe(3);
    expect(page.links?.[0]?.href).toBe(`${transports[index]!.baseUrl}/api/atlas/v2/groups?itemsPerPage=100&pageNum=1`);
  });

  it('listProjects with pageNum, itemsPerPage and includeCount=false', async () => {
    const page = await client().listProjects({ pageNum: 2, itemsPerPage: 2, includeCount: false });
    expect(page.results.map((g) => g.id)).toEqual([groupId]);
    expect(page.totalCount).toBeUndefined();
    expect(page.links?.map((l) => l.rel)).toEqual(['self', 'previous']);
  });

  it('listClusters of a project', async () => {
    const page = await client().listClusters({ groupId, itemsPerPage: 2 });
    expect(page.results.map((c) => c.name)).toEqual(project.clusters.slice(0, 2).map((c) => c.cluster.name));
    expect(page.totalCount).toBe(3);
    expect(page.links?.map((l) => l.rel)).toEqual(['self', 'next']);
  });

  it('listClusterBackupCheckpoints pages through a cluster', async () => {
    const page = await client().listClusterBackupCheckpoints({ groupId, clusterName, pageNum: 3, itemsPerPage: 50 });
    expect(page.results.map((c) => c.id)).toEqual(checkpoints.slice(100, 120).map((c) => c.id));
    expect(page.totalCount).toBe(120);
  });

  it("a replica set's checkpoint list is empty, and none of its checkpoints exists", async () => {
    const page = await client().listClusterBackupCheckpoints({ groupId, clusterName: String(replicaSet.name) });
    expect(page).toMatchObject({ results: [], totalCount: 0 });
    const error = await apiError(
      client().getClusterBackupCheckpoint({
        groupId,
        clusterName: String(replicaSet.name),
        checkpointId: String(checkpoints[0]?.id),
      }),
    );
    expect(error).toMatchObject({ status: 404, errorCode: 'CHECKPOINT_NOT_FOUND' });
  });

  it('getClusterBackupCheckpoint returns the fixture with its self link', async () => {
    const target = checkpoints[17]!;
    const checkpoint = await client().getClusterBackupCheckpoint({ groupId, clusterName, checkpointId: String(target.id) });
    expect(checkpoint).toMatchObject(target);
    expect(checkpoint.links?.[0]?.rel).toBe('self');
  });

  it('surfaces GROUP_NOT_FOUND, CLUSTER_NOT_FOUND and CHECKPOINT_NOT_FOUND as AtlasApiError', async () => {
    const group = await apiError(client().listClusters({ groupId: missing }));
    expect(group).toMatchObject({
      status: 404,
      errorCode: 'GROUP_NOT_FOUND',
      detail: `No group with ID ${missing} exists.`,
      reason: 'Not Found',
    });
    const noCluster = await apiError(client().listClusterBackupCheckpoints({ groupId, clusterName: 'Nope' }));
    expect(noCluster).toMatchObject({ status: 404, errorCode: 'CLUSTER_NOT_FOUND' });
    const noCheckpoint = await apiError(client().getClusterBackupCheckpoint({ groupId, clusterName, checkpointId: missing }));
    expect(noCheckpoint).toMatchObject({ status: 404, errorCode: 'CHECKPOINT_NOT_FOUND' });
  });

  it('rejects invalid parameters before sending (no request reaches the fake)', async () => {
    fake.clearRequests();
    const cases = [
      client().listClusters({ groupId: 'nope' }),
      client().listClusterBackupCheckpoints({ groupId, clusterName: 'bad_name' }),
      client().listProjects({ itemsPerPage: 501 }),
      client().listProjects({ pageNum: 0 }),
      client().getClusterBackupCheckpoint({ groupId, clusterName, checkpointId: 'xyz' }),
    ];
    for (const promise of cases) expect(isInvalidParameterError(await promise.catch((e: unknown) => e))).toBe(true);
    expect(fake.requests()).toEqual([]);
  });

  it('surfaces 400s, 403s and 500s the fake sends', async () => {
    for (const [status, errorCode] of [
      [400, 'VALIDATION_ERROR'],
      [403, 'USER_UNAUTHORIZED'],
      [500, 'UNEXPECTED_ERROR'],
    ] as const) {
      fake.faults.failNext(1, { status });
      expect(await apiError(client().listProjects({}))).toMatchObject({ status, errorCode });
    }
  });

  it('lists clusters at each of their API versions, each in its own schema', async () => {
    const newest = await client().listClusters({ groupId });
    expect(newest.results[0]).not.toHaveProperty('numShards');
    expect(newest.results[0]).toHaveProperty('replicationSpecs');
    for (const apiVersion of ['2023-01-01', '2023-02-01', '2024-08-05'] as const) {
      const page = await client().call('listGroupClusters', { groupId }, { apiVersion });
      expect(page.results.length).toBeGreaterThan(0);
    }
    const legacy = await client().call('listGroupClusters', { groupId }, { apiVersion: '2023-01-01' });
    expect(legacy.results[0]?.numShards).toBeGreaterThan(0);
  });

  it('reports a malformed body as ResponseShapeError', async () => {
    fake.faults.malformedNext();
    expect(
      isResponseShapeError(
        await client()
          .listProjects({})
          .catch((e: unknown) => e),
      ),
    ).toBe(true);
  });
});
