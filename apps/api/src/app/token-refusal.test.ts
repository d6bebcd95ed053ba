import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';
import { oauthToken } from '../test-helpers/tokens.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const V2 = '/api/atlas/v2';
const auth = {
  oauth: [
    { clientId: 'sa-a', clientSecret: 'secret-a' },
    { clientId: 'sa-b', clientSecret: 'secret-b' },
  ],
};

/** A passthrough proxy on a real socket, and two valid tokens each with one cached entry per checkpoint. */
async function cachedForTwoTokens(overrides: Parameters<typeof startHarness>[0] = {}) {
  const harness = await startHarness({ authMode: 'passthrough', ...overrides }, { auth }, undefined, { listen: true });
  h = harness;
  const a = { authorization: `Bearer ${await oauthToken(harness.upstream.url, 'sa-a', 'secret-a')}` };
  const b = { authorization: `Bearer ${await oauthToken(harness.upstream.url, 'sa-b', 'secret-b')}` };
  const checkpoint = (i: number) =>
    `${harness.url}${V2}/groups/${harness.groupId}/clusters/${harness.clusterName}/backupCheckpoints/${harness.checkpointIds[i]}`;
  for (const headers of [a, b]) {
    for (let i = 0; i < harness.checkpointIds.length; i += 1) {
      const res = await harness.fetch(checkpoint(i), { headers });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  }
  const upstreamCalls = () => harness.fake.requests().filter((r) => r.route !== undefined && r.path.startsWith(V2)).length;
  const cacheOf = async (i: number, headers: Record<string, string>) => {
    const res = await harness.fetch(checkpoint(i), { headers });
    await res.arrayBuffer();
    return { status: res.status, cache: res.headers.get('cache-status') };
  };
  return { harness, a, b, checkpoint, upstreamCalls, cacheOf };
}

describe('tokens upstream refuses (passthrough, real sockets)', () => {
  it('costs one upstream call per garbage token per window, whatever the number of cached keys or requests', async () => {
    const { harness, a, b, checkpoint, upstreamCalls, cacheOf } = await cachedForTwoTokens();
    const before = upstreamCalls();
    const garbage = Array.from({ length: 12 }, (_, i) => ({ authorization: `Bearer garbage-${i}-${'x'.repeat(i)}` }));
    const first = { authorization: 'Bearer garbage-0-' };
    const paths = [0, 1, 2, 3, 4].map(checkpoint).concat([`${harness.url}${V2}/groups`]);
    // Every garbage token sends six requests at once, to different paths: one goes upstream.
    const answers = await Promise.all(
      garbage.flatMap((headers) =>
        paths.map(async (url) => {
          const res = await harness.fetch(url, { headers });
          return { status: res.status, code: res.headers.get('x-error-code'), body: (await res.json()) as { error?: number } };
        }),
      ),
    );
    expect(answers.every((answer) => answer.status === 401 && answer.code === 'UNAUTHORIZED' && answer.body.error === 401)).toBe(
      true,
    );
    expect(upstreamCalls() - before).toBe(garbage.length);
    // Again within the window: no upstream call at all, answered from the refusal.
    const again = await harness.fetch(checkpoint(7), { headers: first });
    expect(again.status).toBe(401);
    expect(again.headers.get('cache-status')).toBe('atlas-checkpoints-proxy; hit; detail=token-refused');
    await again.arrayBuffer();
    expect(upstreamCalls() - before).toBe(garbage.length);
    // The valid tokens' entries were not touched.
    expect((await cacheOf(9, a)).cache).toMatch(/; hit/);
    expect((await cacheOf(9, b)).cache).toMatch(/; hit/);
    // After the window a garbage token is asked about once more.
    harness.clock.advance(10_001);
    expect((await harness.fetch(checkpoint(7), { headers: first })).status).toBe(401);
    expect(upstreamCalls() - before).toBe(garbage.length + 1);
  });

  it.each([
    ['made-up tokens', (i: number): Record<string, string> => ({ authorization: `Bearer garbage-flood-${i}` })],
    ['requests without credentials (forwarded)', (): Record<string, string> => ({})],
    ['Basic credentials (forwarded)', (i: number): Record<string, string> => ({ authorization: `Basic ${btoa(`u${i}:p`)}` })],
    [
      'malformed Bearer headers (forwarded)',
      (i: number): Record<string, string> => ({ authorization: `Bearer fake-${i} extra` }),
    ],
    [
      'made-up Digest answers (forwarded)',
      (i: number): Record<string, string> => ({
        authorization: `Digest username="made-up-${i}", realm="MMS Public API", nonce="n", uri="/", response="0"`,
      }),
    ],
  ])('a flood of %s cannot push an accepted token out of the upstream queue', async (_kind, headersOf) => {
    // 4 upstream connections and a queue of 2: made-up tokens get 1 of them and a queue of their own.
    const { harness, a } = await cachedForTwoTokens({ upstreamConnections: 4, upstreamQueue: 2 });
    harness.fake.faults.setLatency(300);
    // Only the flood lists projects.
    const garbageCalls = () => harness.fake.requests().filter((r) => r.route === 'listGroups').length;
    const flood = Array.from({ length: 30 }, async (_, i) => {
      const res = await harness.fetch(`${harness.url}${V2}/groups`, { headers: headersOf(i) });
      await res.arrayBuffer();
      return { status: res.status, cache: res.headers.get('cache-status') };
    });
    await expect.poll(() => harness.proxy.upstreamHealth.state().active).toBeGreaterThan(0);
    // An accepted token's miss, while the flood waits on upstream: served, not shed.
    const mine = await harness.fetch(`${harness.url}${V2}/groups/${harness.groupId}/clusters`, { headers: a });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-status')).toMatch(/fwd=miss/);
    const answers = await Promise.all(flood);
    expect(answers.filter((answer) => answer.status === 401).length).toBe(garbageCalls());
    const shed = answers.filter((answer) => answer.status === 503);
    expect(shed.length + garbageCalls()).toBe(30);
    for (const answer of shed) expect(answer.cache).toMatch(/^atlas-checkpoints-proxy; fwd=(miss|bypass); detail=queue-full$/);
    expect(garbageCalls()).toBe(3); // one running and two waiting, within their own budget
  });

  it("a 401 for a known token evicts that token's entries only, and is remembered for the window", async () => {
    const { harness, a, b, upstreamCalls, cacheOf } = await cachedForTwoTokens();
    harness.fake.faults.failNext(1, { status: 401, errorCode: 'UNAUTHORIZED', route: 'listGroups' });
    const refused = await harness.fetch(`${harness.url}${V2}/groups`, { headers: a });
    expect(refused.status).toBe(401);
    await refused.arrayBuffer();
    const calls = upstreamCalls();
    expect(await cacheOf(3, a)).toEqual({ status: 401, cache: 'atlas-checkpoints-proxy; hit; detail=token-refused' });
    expect(upstreamCalls()).toBe(calls);
    expect((await cacheOf(3, b)).cache).toMatch(/; hit/);
    harness.clock.advance(10_001);
    // The token is valid after all: its entries are gone, so it goes upstream again.
    expect(await cacheOf(3, a)).toMatchObject({ status: 200, cache: expect.stringMatching(/fwd=miss/) as unknown });
    expect((await cacheOf(4, b)).cache).toMatch(/; hit/);
  });

  it("a 403 evicts that token's entries like a 401, without remembering a refusal", async () => {
    const { harness, a, b, cacheOf } = await cachedForTwoTokens();
    harness.fake.faults.failNext(1, { status: 403, errorCode: 'USER_UNAUTHORIZED', route: 'listGroups' });
    const forbidden = await harness.fetch(`${harness.url}${V2}/groups`, { headers: a });
    expect(forbidden.status).toBe(403);
    await forbidden.arrayBuffer();
    expect(await cacheOf(5, a)).toMatchObject({ status: 200, cache: expect.stringMatching(/fwd=miss/) as unknown });
    expect((await cacheOf(5, b)).cache).toMatch(/; hit/);
  });

  it('evicts on a 403 met by a background (stale-while-revalidate) refresh', async () => {
    const { harness, a, b, cacheOf } = await cachedForTwoTokens();
    harness.clock.advance(60_001);
    harness.fake.faults.failNext(1, { status: 403, errorCode: 'USER_UNAUTHORIZED', route: 'getGroupClusterBackupCheckpoint' });
    const held = harness.proxy.store.bytes();
    expect((await cacheOf(0, a)).cache).toMatch(/detail=stale-while-revalidate/);
    // The refresh was refused in the background: the token's half of the store goes.
    await expect.poll(() => harness.proxy.store.bytes()).toBeLessThan(held * 0.6);
    expect((await cacheOf(6, a)).cache).toMatch(/fwd=miss/);
    expect((await cacheOf(6, b)).cache).toMatch(/; hit/);
  });
});
