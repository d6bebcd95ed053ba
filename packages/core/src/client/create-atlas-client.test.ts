import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AtlasAuth } from '../auth/types.js';
import { isInvalidParameterError } from '../errors/invalid-parameter-error.js';
import { isResponseShapeError } from '../errors/response-shape-error.js';
import { VERSION } from '../version.js';
import { createAtlasClient } from './create-atlas-client.js';
import {
  apiError,
  CHECKPOINT_ID,
  CLUSTER,
  GROUP_ID,
  checkpoint,
  group,
  json,
  page,
  sequence,
  stubFetch,
} from './test-helpers/stub-fetch.js';

const SECRET = 'super-secret-private-key';

function secretAuth(): AtlasAuth {
  const header = `Bearer ${SECRET}`;
  return {
    kind: 'accessToken',
    authorize: () => Promise.resolve(header),
    handleUnauthorized: () => Promise.resolve(false),
    toJSON: () => ({ kind: 'accessToken' }),
  };
}

describe('createAtlasClient', () => {
  it('listProjects GETs /api/atlas/v2/groups with Atlas headers and the paging query', async () => {
    const stub = stubFetch(() => page([group()], 1));
    const client = createAtlasClient({ fetch: stub.fetch });
    const result = await client.listProjects({ pageNum: 2, itemsPerPage: 50, includeCount: true });
    expect(result).toEqual({
      links: [{ rel: 'self', href: 'https://cloud.mongodb.com/api/atlas/v2' }],
      results: [group()],
      totalCount: 1,
    });
    const [request] = stub.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('https://cloud.mongodb.com/api/atlas/v2/groups?pageNum=2&itemsPerPage=50&includeCount=true');
    expect(request?.headers.get('accept')).toBe('application/vnd.atlas.2023-01-01+json');
    expect(request?.headers.get('user-agent')).toBe(`@atlas-checkpoints/core/${VERSION}`);
    expect(request?.headers.has('authorization')).toBe(false);
  });

  it('reads each response body once, never teeing it (a 401 challenge included)', async () => {
    const clones: string[] = [];
    let calls = 0;
    const fetch = (input: Request | string | URL): Promise<Response> => {
      calls += 1;
      const response = calls === 1 ? json({ error: 401, errorCode: 'UNAUTHORIZED' }, 401) : page([group()], 1);
      const clone = response.clone.bind(response);
      response.clone = () => {
        clones.push(String(input instanceof Request ? input.url : input));
        return clone();
      };
      return Promise.resolve(response);
    };
    const auth: AtlasAuth = {
      kind: 'apiKey',
      authorize: () => Promise.resolve(calls === 0 ? undefined : 'Digest x'),
      handleUnauthorized: () => Promise.resolve(true),
      toJSON: () => ({ kind: 'apiKey' }),
    };
    const result = await createAtlasClient({ fetch, auth }).listProjects();
    expect(result.results).toHaveLength(1);
    expect(calls).toBe(2);
    expect(clones).toEqual([]);
  });

  it('listProjects takes no params at all', async () => {
    const stub = stubFetch(() => page([]));
    await createAtlasClient({ fetch: stub.fetch }).listProjects();
    expect(stub.requests[0]?.url).toBe('https://cloud.mongodb.com/api/atlas/v2/groups');
  });

  it('listClusters GETs /groups/{groupId}/clusters', async () => {
    const stub = stubFetch(() =>
      page([{ id: '32b6e34b3d91647abb20e7b8', name: CLUSTER, clusterType: 'SHARDED', futureField: { kept: true } }], 1),
    );
    const client = createAtlasClient({ fetch: stub.fetch, baseUrl: 'http://fake-atlas.local/' });
    const result = await client.listClusters({ groupId: GROUP_ID, includeCount: false });
    expect(stub.requests[0]?.url).toBe(`http://fake-atlas.local/api/atlas/v2/groups/${GROUP_ID}/clusters?includeCount=false`);
    expect(result.results[0]).toMatchObject({ name: CLUSTER, futureField: { kept: true } });
  });

  it('listClusterBackupCheckpoints GETs …/backupCheckpoints and returns totalCount and links', async () => {
    const stub = stubFetch(() => page([checkpoint()], 42));
    const client = createAtlasClient({ fetch: stub.fetch });
    const result = await client.listClusterBackupCheckpoints({ groupId: GROUP_ID, clusterName: CLUSTER, itemsPerPage: 500 });
    expect(stub.requests[0]?.url).toBe(
      `https://cloud.mongodb.com/api/atlas/v2/groups/${GROUP_ID}/clusters/${CLUSTER}/backupCheckpoints?itemsPerPage=500`,
    );
    expect(result.totalCount).toBe(42);
    expect(result.links?.[0]?.rel).toBe('self');
    expect(result.results[0]?.id).toBe(CHECKPOINT_ID);
  });

  it('getClusterBackupCheckpoint GETs …/backupCheckpoints/{checkpointId}', async () => {
    const stub = stubFetch(() => json(checkpoint()));
    const client = createAtlasClient({ fetch: stub.fetch });
    const result = await client.getClusterBackupCheckpoint({
      groupId: GROUP_ID,
      clusterName: CLUSTER,
      checkpointId: CHECKPOINT_ID,
    });
    expect(stub.requests[0]?.url).toBe(
      `https://cloud.mongodb.com/api/atlas/v2/groups/${GROUP_ID}/clusters/${CLUSTER}/backupCheckpoints/${CHECKPOINT_ID}`,
    );
    expect(result.parts?.[0]?.typeName).toBe('REPLICA_SET');
  });

  it('methods work detached from the client', async () => {
    const stub = stubFetch(() => page([], 0));
    const { listClusters } = createAtlasClient({ fetch: stub.fetch });
    await expect(listClusters({ groupId: GROUP_ID })).resolves.toMatchObject({ totalCount: 0 });
  });

  it('keeps a base URL path prefix', async () => {
    const stub = stubFetch(() => page([]));
    await createAtlasClient({ fetch: stub.fetch, baseUrl: 'http://127.0.0.1:8080/atlas//' }).listProjects();
    expect(stub.requests[0]?.url).toBe('http://127.0.0.1:8080/atlas/api/atlas/v2/groups');
  });

  it('resolves a configured apiVersion date per operation as Atlas does, and sends the userAgent', async () => {
    const stub = stubFetch(() => page([]));
    const client = createAtlasClient({ fetch: stub.fetch, apiVersion: '2024-01-01', userAgent: 'my-tool/1.0' });
    await client.listProjects();
    await client.listClusters({ groupId: GROUP_ID });
    expect(stub.requests.map((request) => request.headers.get('accept'))).toEqual([
      'application/vnd.atlas.2023-01-01+json',
      'application/vnd.atlas.2023-02-01+json',
    ]);
    expect(stub.requests[0]?.headers.get('user-agent')).toBe('my-tool/1.0');
  });

  it('sets Authorization from the auth strategy', async () => {
    const stub = stubFetch(() => page([]));
    await createAtlasClient({ fetch: stub.fetch, auth: secretAuth() }).listProjects();
    expect(stub.requests[0]?.headers.get('authorization')).toBe(`Bearer ${SECRET}`);
  });

  it('accepts a transport that answers synchronously (a Hono app.fetch)', async () => {
    const client = createAtlasClient({ fetch: () => page([], 0) });
    await expect(client.listProjects()).resolves.toMatchObject({ totalCount: 0 });
  });

  it('calls onResponse for each response with status, headers, duration and attempt', async () => {
    const seen: unknown[] = [];
    const stub = stubFetch(() => {
      const response = page([], 0);
      response.headers.set('cache-status', 'atlas-proxy; hit');
      return response;
    });
    await createAtlasClient({
      fetch: stub.fetch,
      onResponse: (info) => seen.push({ ...info, cache: info.headers.get('cache-status') }),
    }).listProjects();
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: 'https://cloud.mongodb.com/api/atlas/v2/groups',
        status: 200,
        attempt: 1,
        cache: 'atlas-proxy; hit',
        durationMs: expect.any(Number) as number,
      }),
    ]);
  });

  it('an onResponse that throws does not fail the call', async () => {
    const stub = stubFetch(() => page([], 0));
    const client = createAtlasClient({
      fetch: stub.fetch,
      onResponse: () => {
        throw new Error('observer bug');
      },
    });
    await expect(client.listProjects()).resolves.toMatchObject({ totalCount: 0 });
  });

  it('a call’s own onResponse hears each of its responses (retries included), after the client’s', async () => {
    const order: string[] = [];
    const stub = sequence(
      () => apiError(429, 'RATE_LIMITED', { 'retry-after': '0' }),
      () => page([group()], 1),
    );
    const client = createAtlasClient({
      fetch: stub.fetch,
      retry: { sleep: () => Promise.resolve() },
      onResponse: (info) => order.push(`client ${info.status}`),
    });
    await client.listProjects({ onResponse: (info) => order.push(`call ${info.status} #${info.attempt}`) });
    expect(order).toEqual(['client 429', 'call 429 #1', 'client 200', 'call 200 #2']);
    await client.listProjects({
      onResponse: () => {
        throw new Error('observer bug');
      },
    });
    await expect(client.listProjects({ onResponse: 'no' as never })).rejects.toMatchObject({
      name: 'InvalidParameterError',
      parameter: 'onResponse',
    });
  });

  describe('response validation', () => {
    it('names the JSON path that failed', async () => {
      const bad = { ...checkpoint(), parts: [{ typeName: 7 }] };
      const stub = stubFetch(() => page([checkpoint(), bad], 2));
      const client = createAtlasClient({ fetch: stub.fetch });
      const error = await client
        .listClusterBackupCheckpoints({ groupId: GROUP_ID, clusterName: CLUSTER })
        .catch((e: unknown) => e);
      expect(isResponseShapeError(error)).toBe(true);
      expect(error).toMatchObject({ path: '/results/1/parts/0/typeName' });
      expect((error as Error).message).toContain('/results/1/parts/0/typeName');
    });

    it('a page without results is a shape error at /results', async () => {
      const stub = stubFetch(() => json({ totalCount: 3 }));
      await expect(createAtlasClient({ fetch: stub.fetch }).listProjects()).rejects.toMatchObject({
        name: 'ResponseShapeError',
        path: '/results',
      });
    });

    it('a 2xx body that is not JSON is a shape error at the root', async () => {
      const stub = stubFetch(() => new Response('<html>', { status: 200 }));
      await expect(createAtlasClient({ fetch: stub.fetch }).listProjects()).rejects.toMatchObject({
        name: 'ResponseShapeError',
        path: '',
        expected: 'a JSON document',
      });
    });
  });

  describe('parameter validation (no request is made)', () => {
    const stub = stubFetch(() => page([]));
    const client = createAtlasClient({ fetch: stub.fetch });
    const cases: Array<[string, () => Promise<unknown>, string]> = [
      ['bad groupId', () => client.listClusters({ groupId: 'nope' }), 'groupId'],
      ['upper-case groupId', () => client.listClusters({ groupId: GROUP_ID.toUpperCase() }), 'groupId'],
      ['missing groupId', () => client.listClusters({} as { groupId: string }), 'groupId'],
      ['bad clusterName', () => client.listClusterBackupCheckpoints({ groupId: GROUP_ID, clusterName: '../x' }), 'clusterName'],
      [
        'clusterName starting with -',
        () => client.listClusterBackupCheckpoints({ groupId: GROUP_ID, clusterName: '-x' }),
        'clusterName',
      ],
      [
        'bad checkpointId',
        () => client.getClusterBackupCheckpoint({ groupId: GROUP_ID, clusterName: CLUSTER, checkpointId: 'x/y' }),
        'checkpointId',
      ],
      ['pageNum 0', () => client.listProjects({ pageNum: 0 }), 'pageNum'],
      ['pageNum 1.5', () => client.listProjects({ pageNum: 1.5 }), 'pageNum'],
      ['itemsPerPage 501', () => client.listProjects({ itemsPerPage: 501 }), 'itemsPerPage'],
      ['itemsPerPage 0', () => client.listClusters({ groupId: GROUP_ID, itemsPerPage: 0 }), 'itemsPerPage'],
      ['includeCount "yes"', () => client.listProjects({ includeCount: 'yes' as unknown as boolean }), 'includeCount'],
      ['params null', () => client.listClusters(null as unknown as { groupId: string }), 'params'],
      ['signal not a signal', () => client.listProjects({ signal: {} as AbortSignal }), 'signal'],
    ];
    it.each(cases)('%s → InvalidParameterError', async (_label, call, parameter) => {
      const error = await call().catch((e: unknown) => e);
      expect(isInvalidParameterError(error)).toBe(true);
      expect(error).toMatchObject({ parameter });
      expect(stub.requests).toHaveLength(0);
    });
  });

  describe('secrets', () => {
    it('never appear in JSON.stringify(client) or util.inspect(client)', () => {
      const client = createAtlasClient({ auth: secretAuth(), fetch: stubFetch(() => page([])).fetch });
      const printed = [JSON.stringify(client), inspect(client, { depth: 10, showHidden: true })];
      for (const text of printed) {
        expect(text).not.toContain(SECRET);
        expect(text).toContain('accessToken');
      }
      expect(JSON.parse(printed[0] as string)).toMatchObject({ baseUrl: 'https://cloud.mongodb.com', apiVersion: 'newest' });
    });

    it('never appear in errors', async () => {
      const stub = stubFetch(() => json({ detail: 'nope', error: 403, errorCode: 'FORBIDDEN', reason: 'Forbidden' }, 403));
      const client = createAtlasClient({ auth: secretAuth(), fetch: stub.fetch, retry: 0 });
      const error = await client.listProjects().catch((e: unknown) => e);
      expect(JSON.stringify(error)).not.toContain(SECRET);
      expect(inspect(error, { depth: 10 })).not.toContain(SECRET);
      expect(String(error)).not.toContain(SECRET);
    });
  });
});
