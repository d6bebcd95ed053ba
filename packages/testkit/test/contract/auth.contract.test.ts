import { apiKey, createAtlasClient, isAtlasApiError, serviceAccount, type AtlasAuth } from '@atlas-checkpoints/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeAtlas, generateFixtures, type RunningServer } from '../../src/index.js';
import { bothTransports, type Transport } from './transports.js';

const fixtures = generateFixtures({ seed: 5, projects: 2, clustersPerProject: 1, checkpointsPerCluster: 10 });
let now = 1_700_000_000_000;
const fake = createFakeAtlas({
  fixtures,
  now: () => now,
  auth: {
    digest: [{ publicKey: 'pubkey', privateKey: 'privkey-0000' }],
    oauth: [{ clientId: 'mdb_sa_id_contract', clientSecret: 'mdb_sa_sk_contract' }],
    nonceTtlMs: 60_000,
    tokenTtlSeconds: 3600,
  },
});
let server: RunningServer;
let transports: Transport[] = [];

beforeAll(async () => {
  ({ server, transports } = await bothTransports(fake));
});
afterAll(() => server.close());

describe.each([0, 1])('core auth against the fake (transport %i)', (index) => {
  const make = (auth: AtlasAuth | undefined) => {
    const t = transports[index]!;
    return createAtlasClient({ baseUrl: t.baseUrl, ...(t.fetch ? { fetch: t.fetch } : {}), auth, retry: 0 });
  };

  it('apiKey: answers the Digest challenge and reuses the nonce with a counting nc', async () => {
    fake.clearRequests();
    const client = make(apiKey({ publicKey: 'pubkey', privateKey: 'privkey-0000' }));
    for (let i = 0; i < 3; i++) expect((await client.listProjects({})).totalCount).toBe(2);
    const statuses = fake.requests().map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
  });

  it('apiKey: re-challenges after the nonce expires (stale=true)', async () => {
    const client = make(apiKey({ publicKey: 'pubkey', privateKey: 'privkey-0000' }));
    await client.listProjects({});
    now += 61_000;
    fake.clearRequests();
    expect((await client.listProjects({})).totalCount).toBe(2);
    expect(fake.requests().map((r) => r.status)).toEqual([401, 200]);
  });

  it('apiKey: a wrong key is an AtlasApiError 401 and never leaks the key', async () => {
    const error = await make(apiKey({ publicKey: 'pubkey', privateKey: 'wrong-secret' }))
      .listProjects({})
      .catch((e: unknown) => e);
    expect(isAtlasApiError(error) && error.status).toBe(401);
    expect(JSON.stringify(error) + String(error)).not.toContain('wrong-secret');
  });

  it('serviceAccount: gets a token, lists, and refreshes after the token expires', async () => {
    fake.clearRequests();
    const client = make(serviceAccount({ clientId: 'mdb_sa_id_contract', clientSecret: 'mdb_sa_sk_contract', now: () => now }));
    expect((await client.listProjects({})).results).toHaveLength(2);
    fake.expireTokens();
    expect((await client.listClusters({ groupId: String(fixtures.projects[0]?.group.id) })).results).toHaveLength(1);
    const tokenCalls = fake.requests().filter((r) => r.route === 'oauthToken');
    expect(tokenCalls.length).toBe(2);
    expect(
      fake
        .requests()
        .filter((r) => r.route !== 'oauthToken')
        .every((r) => r.authScheme === 'bearer'),
    ).toBe(true);
  });

  it('serviceAccount: bad credentials fail with a typed error', async () => {
    const error = await make(serviceAccount({ clientId: 'mdb_sa_id_contract', clientSecret: 'nope' }))
      .listProjects({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toContain('nope');
  });

  it('no credentials: 401 UNAUTHORIZED', async () => {
    const error = await make(undefined)
      .listProjects({})
      .catch((e: unknown) => e);
    expect(isAtlasApiError(error) && error.errorCode).toBe('UNAUTHORIZED');
  });
});
