import { describe, expect, expectTypeOf, it } from 'vitest';
import { createAtlasClient } from '../client/create-atlas-client.js';
import { checkpoint, CLUSTER, GROUP_ID, json, stubFetch } from '../client/test-helpers/stub-fetch.js';
import { isKnownCheckpointPartTypeName, type CheckpointPartTypeName } from './checkpoint-part.js';
import {
  isKnownClusterStateName,
  isKnownClusterType,
  isKnownConfigServerType,
  isKnownEncryptionAtRestProvider,
  isKnownVersionReleaseSystem,
} from './cluster-enums.js';
import { isKnownRegionUsageRestrictions } from './group.js';
import { tolerantSchema } from './tolerant-schema.js';
import { CheckpointCheck, CheckpointPageCheck, ClusterPageCheck, GroupPageCheck } from './validators.js';
import { CheckpointPage } from './pages.js';

const url = `https://cloud.mongodb.com/api/atlas/v2/groups/${GROUP_ID}/clusters/${CLUSTER}/backupCheckpoints`;
const ID = '5f4008a527a3bd7b6f410a1e';

/** The page from the field: a part type added after this client was built, and `"shardName": null`. */
function fieldPage(): Record<string, unknown> {
  const item = checkpoint();
  const parts = item['parts'] as Array<Record<string, unknown>>;
  parts[0] = { ...parts[0], typeName: 'ANALYTICS_NODE_REPLICA_SET' };
  parts[1] = { ...parts[1], shardName: null };
  return { links: [{ rel: 'self', href: url }], results: [item, checkpoint('663602f827a3bd7b6f4c11b2')], totalCount: 2 };
}

describe('tolerant reading', () => {
  it('the field example: listClusterBackupCheckpoints keeps an unknown typeName and reads "shardName": null as absent', async () => {
    const stub = stubFetch(() => json(fieldPage()));
    const page = await createAtlasClient({ fetch: stub.fetch }).listClusterBackupCheckpoints({
      groupId: GROUP_ID,
      clusterName: CLUSTER,
    });
    expect(page.results).toHaveLength(2);
    const [unknownPart, configPart] = page.results[0]?.parts ?? [];
    expect(unknownPart?.typeName).toBe('ANALYTICS_NODE_REPLICA_SET');
    expect(isKnownCheckpointPartTypeName(unknownPart?.typeName)).toBe(false);
    expect(isKnownCheckpointPartTypeName(configPart?.typeName)).toBe(true);
    expect(configPart).not.toHaveProperty('shardName');
    expectTypeOf(unknownPart?.typeName).toEqualTypeOf<CheckpointPartTypeName | undefined>();
  });

  it('the same on a single checkpoint (getClusterBackupCheckpoint)', async () => {
    const body = (fieldPage()['results'] as unknown[])[0];
    const stub = stubFetch(() => json(body));
    const one = await createAtlasClient({ fetch: stub.fetch }).getClusterBackupCheckpoint({
      groupId: GROUP_ID,
      clusterName: CLUSTER,
      checkpointId: ID,
    });
    expect(one.parts?.map((part) => part.typeName)).toEqual(['ANALYTICS_NODE_REPLICA_SET', 'CONFIG_SERVER_REPLICA_SET']);
  });

  it('reads null as absent in every optional field, at every depth, and keeps null in unknown fields', () => {
    const page = CheckpointPageCheck.decode(
      {
        links: null,
        results: [
          {
            id: ID,
            clusterId: null,
            links: [{ href: null, rel: 'self' }],
            parts: [
              { replicaSetName: 'rs', tokenTimestamp: { date: null, increment: 3 }, typeName: null },
              { tokenTimestamp: null },
            ],
            futureField: null,
          },
          { id: '663602f827a3bd7b6f4c11b2', parts: null, restorable: null, timestamp: null },
        ],
        totalCount: null,
      },
      url,
    );
    expect(page).toEqual({
      results: [
        {
          id: ID,
          links: [{ rel: 'self' }],
          parts: [{ replicaSetName: 'rs', tokenTimestamp: { increment: 3 } }, {}],
          futureField: null,
        },
        { id: '663602f827a3bd7b6f4c11b2' },
      ],
    });
    expect(page).not.toHaveProperty('totalCount');
  });

  it('a missing optional field never fails a page: a project with only an id, a tag without a value', () => {
    const groups = GroupPageCheck.decode({ results: [{ id: ID }, { id: ID, name: null, tags: [{ key: 'env' }] }] }, url);
    expect(groups.results).toEqual([{ id: ID }, { id: ID, tags: [{ key: 'env' }] }]);
  });

  it('reads spec-valid names and tags whatever their characters (JSON Schema counts code points)', () => {
    const name = '𝐀'.repeat(64); // 64 code points, 128 UTF-16 units: valid against the spec's {1,64}
    const tag = { key: 'env', value: '🦊'.repeat(255) };
    const groups = GroupPageCheck.decode({ results: [{ id: ID, name, tags: [tag] }] }, url);
    expect(groups.results[0]?.name).toBe(name);
    expect(groups.results[0]?.tags).toEqual([tag]);
  });

  it('keeps every enum value a newer Atlas may send, with a guard for each enum', () => {
    const clusters = ClusterPageCheck.decode(
      {
        results: [
          {
            id: ID,
            clusterType: 'MULTI_REGION_SHARDED',
            configServerType: 'HYBRID',
            encryptionAtRestProvider: 'OCI',
            stateName: 'HIBERNATING',
            versionReleaseSystem: 'RAPID',
          },
        ],
      },
      url,
    );
    const [cluster] = clusters.results;
    expect(cluster).toMatchObject({ clusterType: 'MULTI_REGION_SHARDED', stateName: 'HIBERNATING' });
    expect(isKnownClusterType(cluster?.clusterType)).toBe(false);
    expect(isKnownConfigServerType(cluster?.configServerType)).toBe(false);
    expect(isKnownEncryptionAtRestProvider(cluster?.encryptionAtRestProvider)).toBe(false);
    expect(isKnownClusterStateName(cluster?.stateName)).toBe(false);
    expect(isKnownVersionReleaseSystem(cluster?.versionReleaseSystem)).toBe(false);
    expect([isKnownClusterType('GEOSHARDED'), isKnownClusterStateName('IDLE'), isKnownVersionReleaseSystem('LTS')]).toEqual([
      true,
      true,
      true,
    ]);
    const groups = GroupPageCheck.decode({ results: [{ id: ID, regionUsageRestrictions: 'SOVEREIGN_REGIONS_ONLY' }] }, url);
    expect(isKnownRegionUsageRestrictions(groups.results[0]?.regionUsageRestrictions)).toBe(false);
    expect(isKnownRegionUsageRestrictions('GOV_REGIONS_ONLY')).toBe(true);
  });

  it('listClusters at every version keeps an unknown state and reads null as absent', async () => {
    const body = { results: [{ id: ID, name: 'Cluster0', stateName: 'HIBERNATING', paused: null, clusterType: 'FLEX_SHARDED' }] };
    const client = createAtlasClient({ fetch: stubFetch(() => json(body)).fetch });
    for (const apiVersion of ['2023-01-01', '2023-02-01', '2024-08-05'] as const) {
      const page = await client.call('listGroupClusters', { groupId: GROUP_ID }, { apiVersion });
      expect(page.results[0]).toEqual({ id: ID, name: 'Cluster0', stateName: 'HIBERNATING', clusterType: 'FLEX_SHARDED' });
    }
    const newest = await client.listClusters({ groupId: GROUP_ID });
    expect(isKnownClusterStateName(newest.results[0]?.stateName)).toBe(false);
  });

  it('returns the document it was given (nothing copied), with its unknown fields', () => {
    const body = checkpoint();
    expect(CheckpointCheck.decode(body, url)).toBe(body);
    const withNull = { ...checkpoint(), restorable: null, extra: { kept: true } };
    expect(CheckpointCheck.decode(withNull, url)).toBe(withNull);
    expect(withNull).not.toHaveProperty('restorable');
    expect(withNull.extra).toEqual({ kept: true });
  });

  it('tolerantSchema is plain JSON Schema: null allowed in optional fields, never in required ones', () => {
    const schema = JSON.parse(JSON.stringify(tolerantSchema(CheckpointPage))) as {
      required: string[];
      properties: Record<string, { anyOf?: Array<{ type?: string }> }>;
    };
    expect(schema.required).toEqual(['results']);
    expect(schema.properties['totalCount']?.anyOf?.map((variant) => variant.type)).toEqual(['integer', 'null']);
    expect(schema.properties['results']).not.toHaveProperty('anyOf');
  });
});
