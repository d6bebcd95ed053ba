import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ApiErrorCheck,
  assertShape,
  CheckpointCheck,
  CheckpointPageCheck,
  ClusterPageCheck,
  GroupPageCheck,
  type Checkpoint,
} from './index.js';

const EXAMPLE_URL = new URL('../../../../../shared/spec/example-list-response.json', import.meta.url);
const url = 'https://cloud.mongodb.com/api/atlas/v2/groups/5f4007f327a3bd7b6f4103c5/clusters/Cluster0/backupCheckpoints';

const groupId = '5f4007f327a3bd7b6f4103c5';
const clusterId = '5f4008a527a3bd7b6f410a1e';
const shardedCheckpoint = {
  clusterId,
  completed: '2024-05-04T09:42:07Z',
  groupId,
  id: '663602f827a3bd7b6f4c11b2',
  links: [{ href: `${url}/663602f827a3bd7b6f4c11b2`, rel: 'self' }],
  parts: [
    {
      replicaSetName: 'atlas-abc123-shard-0',
      shardName: 'atlas-abc123-shard-0',
      tokenDiscovered: true,
      tokenTimestamp: { date: '2024-05-04T09:42:00Z', increment: 1 },
      typeName: 'REPLICA_SET',
    },
    {
      replicaSetName: 'atlas-abc123-shard-1',
      shardName: 'atlas-abc123-shard-1',
      tokenDiscovered: true,
      tokenTimestamp: { date: '2024-05-04T09:42:00Z', increment: 4 },
      typeName: 'REPLICA_SET',
    },
    {
      replicaSetName: 'atlas-abc123-config-0',
      shardName: 'config',
      tokenDiscovered: true,
      tokenTimestamp: { date: '2024-05-04T09:42:01.123+00:00', increment: 2 },
      typeName: 'CONFIG_SERVER_REPLICA_SET',
      futureField: { nested: [1, 2] },
    },
  ],
  restorable: true,
  started: '2024-05-04T09:41:58Z',
  timestamp: '2024-05-04T09:42:00Z',
  unknownTopLevel: 'kept',
};

describe('decoding documents', () => {
  it('decodes the example response published with the endpoint documentation', () => {
    const body: unknown = JSON.parse(readFileSync(EXAMPLE_URL, 'utf8'));
    const page = assertShape(CheckpointPageCheck, body, url);
    expect(page.totalCount).toBe(42);
    expect(page.results[0]?.parts?.[0]?.typeName).toBe('REPLICA_SET');
  });

  it('decodes a sharded checkpoint with a config server part and small increments, keeping unknown fields', () => {
    const input = structuredClone(shardedCheckpoint);
    const checkpoint: Checkpoint = assertShape(CheckpointCheck, input, url);
    expect(checkpoint).toBe(input);
    expect(checkpoint).toEqual(shardedCheckpoint);
    expect(checkpoint.parts?.map((part) => part.typeName)).toEqual(['REPLICA_SET', 'REPLICA_SET', 'CONFIG_SERVER_REPLICA_SET']);
    expect((checkpoint as Record<string, unknown>)['unknownTopLevel']).toBe('kept');
  });

  it('decodes a page without totalCount (includeCount=false) and with next/previous links', () => {
    const page = assertShape(
      CheckpointPageCheck,
      {
        links: [
          { href: `${url}?pageNum=1`, rel: 'previous' },
          { href: `${url}?pageNum=2`, rel: 'self' },
          { href: `${url}?pageNum=3`, rel: 'next' },
        ],
        results: [shardedCheckpoint],
      },
      url,
    );
    expect(page.totalCount).toBeUndefined();
    expect(page.links?.map((link) => link.rel)).toEqual(['previous', 'self', 'next']);
  });

  it('decodes an ApiError with badRequestDetail.fields, nulls and string parameters', () => {
    const body = {
      badRequestDetail: { fields: [{ description: 'must be less than or equal to 500', field: 'itemsPerPage' }] },
      detail: null,
      error: 400,
      errorCode: 'INVALID_QUERY_PARAMETER',
      parameters: ['itemsPerPage', { value: 501 }],
      reason: null,
    };
    expect(assertShape(ApiErrorCheck, body, url)).toEqual(body);
    const notFound = {
      detail: 'No group with ID 5f4007f327a3bd7b6f4103c5 exists.',
      error: 404,
      errorCode: 'GROUP_NOT_FOUND',
      parameters: [groupId],
      reason: 'Not Found',
    };
    expect(assertShape(ApiErrorCheck, notFound, url).errorCode).toBe('GROUP_NOT_FOUND');
    expect(ApiErrorCheck.Check({ error: 500, errorCode: 'UNEXPECTED_ERROR', badRequestDetail: null })).toBe(true);
  });

  it('decodes a group page and a cluster page, tolerating cluster fields the schema does not name', () => {
    const groups = {
      results: [
        {
          clusterCount: 2,
          created: '2020-08-21T19:41:07Z',
          id: groupId,
          links: [],
          name: 'Project 0',
          orgId: '5f4007f227a3bd7b6f4103b9',
          tags: [],
        },
      ],
      totalCount: 1,
    };
    expect(assertShape(GroupPageCheck, groups, url).results[0]?.name).toBe('Project 0');
    const clusters = {
      results: [
        {
          backupEnabled: true,
          clusterType: 'SHARDED',
          connectionStrings: { standardSrv: 'mongodb+srv://cluster0.abcde.mongodb.net' },
          createDate: '2020-08-21T19:48:53Z',
          diskSizeGB: 0.5,
          groupId,
          id: clusterId,
          mongoDBMajorVersion: '7.0',
          mongoDBVersion: '7.0.12',
          name: 'Cluster0',
          numShards: 2,
          paused: false,
          pitEnabled: false,
          providerBackupEnabled: false,
          replicationSpecs: [{ id: '5f4008a527a3bd7b6f410a20', numShards: 2, zoneName: 'Zone 1' }],
          stateName: 'IDLE',
          tags: [{ key: 'environment', value: 'production' }],
        },
      ],
    };
    const page = assertShape(ClusterPageCheck, clusters, url);
    expect(page.results[0]).toHaveProperty('replicationSpecs', clusters.results[0]?.replicationSpecs);
  });
});
