import { apiKey, createAtlasClient } from '@atlas-checkpoints/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';
import { oauthToken, tokenEntry } from '../test-helpers/tokens.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const V2 = '/api/atlas/v2';

describe('proxy mode', () => {
  it('answers 401 without a token or with an unknown one, and serves a known token', async () => {
    h = await startHarness({ tokens: [tokenEntry('ci', 'good-token', ['*'])] });
    const none = await h.fetch(`${h.url}${V2}/groups`);
    expect(none.status).toBe(401);
    expect(none.headers.get('x-error-code')).toBe('UNAUTHORIZED');
    expect((await h.fetch(`${h.url}${V2}/groups`, { headers: { authorization: 'Bearer bad-token' } })).status).toBe(401);
    expect((await h.fetch(`${h.url}${V2}/groups`, { headers: { authorization: 'Bearer good-token' } })).status).toBe(200);
    expect(h.fake.requests()).toHaveLength(1);
  });

  it('hides projects a token may not read: 404 like Atlas, and a filtered projects list', async () => {
    const harness = await startHarness();
    const [first, second] = harness.fake.fixtures.projects.map((p) => p.group.id);
    await harness.close();
    h = await startHarness({ tokens: [tokenEntry('one', 'token-one', [first ?? '']), tokenEntry('all', 'token-all', ['*'])] });
    const one = { authorization: 'Bearer token-one' };
    const denied = await h.fetch(`${h.url}${V2}/groups/${second}/clusters`, { headers: one });
    expect(denied.status).toBe(404);
    expect(denied.headers.get('x-error-code')).toBe('GROUP_NOT_FOUND');
    expect((await h.fetch(`${h.url}${V2}/groups/${first}/clusters`, { headers: one })).status).toBe(200);
    const mine = (await (await h.fetch(`${h.url}${V2}/groups`, { headers: one })).json()) as {
      results: Array<{ id: string }>;
      totalCount: number;
    };
    expect(mine.results.map((g) => g.id)).toEqual([first]);
    expect(mine.totalCount).toBe(1);
    const all = (await (await h.fetch(`${h.url}${V2}/groups`, { headers: { authorization: 'Bearer token-all' } })).json()) as {
      totalCount: number;
    };
    expect(all.totalCount).toBe(2);
  });
});

describe('passthrough mode', () => {
  const auth = {
    oauth: [
      { clientId: 'sa-a', clientSecret: 'secret-a' },
      { clientId: 'sa-b', clientSecret: 'secret-b' },
    ],
    digest: [{ publicKey: 'pub', privateKey: 'priv' }],
  };

  it('never serves one caller the answer cached for another', async () => {
    const probe = await startHarness();
    const [first, second] = probe.fake.fixtures.projects.map((p) => p.group.id);
    await probe.close();
    h = await startHarness(
      { authMode: 'passthrough' },
      {
        auth: {
          ...auth,
          oauth: [
            { clientId: 'sa-a', clientSecret: 'secret-a', groupIds: [first ?? ''] },
            { clientId: 'sa-b', clientSecret: 'secret-b', groupIds: [second ?? ''] },
          ],
        },
      },
    );
    const tokenA = await oauthToken(h.upstream.url, 'sa-a', 'secret-a');
    const tokenB = await oauthToken(h.upstream.url, 'sa-b', 'secret-b');
    const list = async (token: string) =>
      (await (
        await (h as Harness).fetch(`${(h as Harness).url}${V2}/groups`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as {
        results: Array<{ id: string }>;
      };
    expect((await list(tokenA)).results.map((g) => g.id)).toEqual([first]);
    expect((await list(tokenB)).results.map((g) => g.id)).toEqual([second]);
    expect((await list(tokenA)).results.map((g) => g.id)).toEqual([first]);
    expect(h.fake.requests().filter((r) => r.route === 'listGroups')).toHaveLength(2);
  });

  it('evicts a partition when upstream answers 401, and relays the 401', async () => {
    h = await startHarness({ authMode: 'passthrough' }, { auth });
    const token = await oauthToken(h.upstream.url, 'sa-a', 'secret-a');
    const headers = { authorization: `Bearer ${token}` };
    expect((await h.fetch(`${h.url}${V2}/groups`, { headers })).status).toBe(200);
    expect((await h.fetch(`${h.url}${V2}/groups/${h.groupId}/clusters`, { headers })).status).toBe(200);
    h.fake.expireTokens();
    h.clock.advance(60_000 + 300_000 + 1);
    const res = await h.fetch(`${h.url}${V2}/groups`, { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await h.proxy.store.deleteMatching('g/*/*/t*/*')).toBe(0);
  });

  it('forwards Digest callers uncached with Cache-Status fwd=bypass', async () => {
    h = await startHarness({ authMode: 'passthrough' }, { auth });
    const statuses: string[] = [];
    const client = createAtlasClient({
      baseUrl: h.url,
      fetch: (request: Request) => (h as Harness).fetch(request.url, request),
      auth: apiKey({ publicKey: 'pub', privateKey: 'priv' }),
      retry: 0,
      onResponse: (info) => statuses.push(info.headers.get('cache-status') ?? ''),
    });
    const page = await client.listProjects();
    expect(page.totalCount).toBe(2);
    await client.listProjects();
    expect(statuses.every((s) => s === 'atlas-checkpoints-proxy; fwd=bypass')).toBe(true);
    expect(h.fake.requests().filter((r) => r.route === 'listGroups' && r.status === 200)).toHaveLength(2);
    expect(JSON.stringify(page)).not.toContain(h.upstream.url);
  });
});
