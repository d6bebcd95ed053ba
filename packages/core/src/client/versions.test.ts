import { describe, expect, expectTypeOf, it } from 'vitest';
import { isInvalidParameterError } from '../errors/invalid-parameter-error.js';
import { isResponseShapeError } from '../errors/response-shape-error.js';
import type { Cluster } from '../schemas/cluster.js';
import type { ClusterDescription20240805 } from '../schemas/cluster-description-20240805.js';
import type { AdvancedClusterDescription } from '../schemas/advanced-cluster-description.js';
import { createAtlasClient } from './create-atlas-client.js';
import type { DeprecationNotice } from './options.js';
import { CHECKPOINT_ID, CLUSTER, GROUP_ID, checkpoint, group, json, page, stubFetch } from './test-helpers/stub-fetch.js';

const accepts = (requests: Request[]) => requests.map((request) => request.headers.get('accept'));

describe('API versions in the client', () => {
  it('asks each operation for the newest version it knows', async () => {
    const stub = stubFetch(() => page([]));
    const client = createAtlasClient({ fetch: stub.fetch });
    await client.listProjects();
    await client.listClusters({ groupId: GROUP_ID });
    await client.listClusterBackupCheckpoints({ groupId: GROUP_ID, clusterName: CLUSTER });
    expect(accepts(stub.requests)).toEqual([
      'application/vnd.atlas.2023-01-01+json',
      'application/vnd.atlas.2024-08-05+json',
      'application/vnd.atlas.2023-01-01+json',
    ]);
  });

  it('pins a version per method, or per call with call()', async () => {
    const stub = stubFetch(() => page([]));
    const client = createAtlasClient({ fetch: stub.fetch, apiVersion: { listClusters: '2023-02-01' } });
    await client.listClusters({ groupId: GROUP_ID });
    await client.call('listGroupClusters', { groupId: GROUP_ID }, { apiVersion: '2023-01-01' });
    await client.call('listGroupClusters', { groupId: GROUP_ID });
    await createAtlasClient({ fetch: stub.fetch }).call('listGroupClusters', {
      groupId: GROUP_ID,
      includeDeletedWithRetainedBackups: true,
    });
    expect(accepts(stub.requests)).toEqual([
      'application/vnd.atlas.2023-02-01+json',
      'application/vnd.atlas.2023-01-01+json',
      'application/vnd.atlas.2023-02-01+json',
      'application/vnd.atlas.2024-08-05+json',
    ]);
    expect(new URL(stub.requests[3]?.url ?? '').search).toBe('?includeDeletedWithRetainedBackups=true');
  });

  it('types each method by the version it asks for', () => {
    const client = createAtlasClient({ fetch: stubFetch(() => page([])).fetch });
    expectTypeOf<
      Awaited<ReturnType<typeof client.listClusters>>['results'][number]
    >().toEqualTypeOf<ClusterDescription20240805>();
    const pinned = createAtlasClient({ apiVersion: { listClusters: '2023-01-01' } });
    expectTypeOf(pinned.listClusters).returns.resolves.toHaveProperty('results').items.toEqualTypeOf<Cluster>();
    type Advanced = Awaited<ReturnType<typeof client.call<'listGroupClusters', '2023-02-01'>>>;
    expectTypeOf<Advanced['results'][number]>().toEqualTypeOf<AdvancedClusterDescription>();
    const typeOnly = () => {
      // @ts-expect-error listGroups has no 2024-08-05
      void client.call('listGroups', {}, { apiVersion: '2024-08-05' });
      // @ts-expect-error a pin names a version the method has
      createAtlasClient({ apiVersion: { listProjects: '2024-08-05' } });
    };
    expect(typeOnly).toBeTypeOf('function');
  });

  it('refuses a version the operation does not have, before any request', async () => {
    const stub = stubFetch(() => page([]));
    const client = createAtlasClient({ fetch: stub.fetch });
    const error = await client.call('listGroups', {}, { apiVersion: '2024-08-05' as never }).catch((e: unknown) => e);
    expect(isInvalidParameterError(error) && error.parameter).toBe('apiVersion');
    expect(() => createAtlasClient({ apiVersion: { listProjects: '2024-08-05' as never } })).toThrow(/apiVersion.listProjects/);
    expect(() => createAtlasClient({ apiVersion: { nope: '2023-01-01' } as never })).toThrow(/apiVersion.nope/);
    expect(() => createAtlasClient({ apiVersion: '2023-02-30' })).toThrow(/apiVersion/);
    const early = await createAtlasClient({ fetch: stub.fetch, apiVersion: '2022-12-31' })
      .listProjects()
      .catch((e: unknown) => e);
    expect(isInvalidParameterError(early)).toBe(true);
    expect(stub.requests).toHaveLength(0);
  });

  it('checks the body against the schema of the version asked for', async () => {
    const legacyCluster = { id: '32b6e34b3d91647abb20e7b8', name: 'Cluster0', numShards: 2, mongoDBVersion: '7.0.1' };
    const stub = stubFetch(() => page([{ ...legacyCluster, clusterType: 'SHARDED', diskSizeGB: 'ten' }]));
    const client = createAtlasClient({ fetch: stub.fetch, retry: 0 });
    // diskSizeGB is no field of the 2024-08-05 document, so it is kept as it is; 2023-01-01 types it.
    expect((await client.listClusters({ groupId: GROUP_ID })).results).toHaveLength(1);
    const legacy = await client
      .call('listGroupClusters', { groupId: GROUP_ID }, { apiVersion: '2023-01-01' })
      .catch((e: unknown) => e);
    expect(isResponseShapeError(legacy) && legacy.path).toBe('/results/0/diskSizeGB');
  });

  it('reports Deprecation and Sunset once per operation through onDeprecation', async () => {
    const notices: DeprecationNotice[] = [];
    const deprecated = { deprecation: '@1675209600', sunset: 'Thu, 01 Jul 2027 00:00:00 GMT' };
    const stub = stubFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path.endsWith('/groups')) return json({ results: [group()] });
      if (path.includes(CHECKPOINT_ID)) return json(checkpoint(), 200, { deprecation: '@1672531200' });
      return json({ results: [] }, 200, deprecated);
    });
    const client = createAtlasClient({
      fetch: stub.fetch,
      onDeprecation: (notice) => {
        notices.push(notice);
        throw new Error('an observer failing never fails the call');
      },
    });
    for (let i = 0; i < 3; i += 1) {
      await client.listProjects();
      await client.call('listGroupClusters', { groupId: GROUP_ID }, { apiVersion: '2023-01-01' });
      await client.getClusterBackupCheckpoint({ groupId: GROUP_ID, clusterName: CLUSTER, checkpointId: CHECKPOINT_ID });
    }
    expect(notices).toEqual([
      {
        operationId: 'listGroupClusters',
        method: 'listClusters',
        apiVersion: '2023-01-01',
        deprecation: new Date('2023-02-01T00:00:00Z'),
        sunset: new Date('2027-07-01T00:00:00Z'),
        url: `https://cloud.mongodb.com/api/atlas/v2/groups/${GROUP_ID}/clusters`,
      },
      {
        operationId: 'getGroupClusterBackupCheckpoint',
        method: 'getClusterBackupCheckpoint',
        apiVersion: '2023-01-01',
        deprecation: new Date('2023-01-01T00:00:00Z'),
        sunset: undefined,
        url: `https://cloud.mongodb.com/api/atlas/v2/groups/${GROUP_ID}/clusters/${CLUSTER}/backupCheckpoints/${CHECKPOINT_ID}`,
      },
    ]);
  });
});
