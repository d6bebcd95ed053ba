import { none } from '@atlas-checkpoints/core';
import { createFakeAtlas, generateFixtures, type FakeAtlas } from '@atlas-checkpoints/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../cache/memory-store.js';
import { startGatedUpstream, type GatedUpstream } from '../test-helpers/gated-upstream.js';
import { manualClock, POLICY } from '../test-helpers/setup.js';
import { createProxy, type Proxy } from './create-proxy.js';
import type { ProxyOptions } from './options.js';

const fixtures = generateFixtures({ seed: 11, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 20 });
const project = fixtures.projects[0];
const cluster = project?.clusters[0];
const base = `/api/atlas/v2/groups/${project?.group.id}/clusters/${cluster?.cluster.name}/backupCheckpoints`;
const checkpoint = (i: number) => `${base}/${cluster?.checkpoints[i]?.id}`;
const STALE = POLICY.ttlMs + POLICY.staleWhileRevalidateMs + 1;

interface Setup {
  fake: FakeAtlas;
  upstream: GatedUpstream;
  proxy: Proxy;
  clock: ReturnType<typeof manualClock>;
}
let current: Setup | undefined;
afterEach(async () => {
  vi.useRealTimers();
  if (!current) return;
  current.proxy.abortInFlight();
  await current.upstream.close();
  await current.proxy.close(0);
  current = undefined;
});

async function setup(overrides: Partial<ProxyOptions> = {}): Promise<Setup> {
  const fake = createFakeAtlas({ fixtures });
  const upstream = await startGatedUpstream(fake);
  const clock = manualClock();
  const proxy = createProxy({
    upstreamUrl: upstream.url,
    upstreamAuth: none(),
    authMode: 'proxy',
    store: createMemoryStore({ maxBytes: 16 * 1024 * 1024 }),
    policy: POLICY,
    now: clock.now,
    upstreamRetries: 0,
    upstreamTimeoutMs: 2_000,
    ...overrides,
  });
  current = { fake, upstream, proxy, clock };
  return current;
}

const errorCode = async (response: Response) => ((await response.json()) as { errorCode: string }).errorCode;

describe('one view of upstream health', () => {
  it('with a hung upstream, opens the circuit after five failed fills; then stale copies are served without waiting and misses get 503', async () => {
    const { proxy, upstream, clock } = await setup({ upstreamTimeoutMs: 1_000 });
    for (let i = 0; i < 8; i += 1) expect((await proxy.request(checkpoint(i))).status).toBe(200);
    clock.advance(STALE);
    upstream.hang();

    const first = await Promise.all([0, 1, 2, 3, 4].map((i) => proxy.request(checkpoint(i))));
    for (const response of first) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-status')).toContain('detail=stale-if-error');
    }
    expect(proxy.upstreamHealth.state().circuit).toBe('open');
    const calls = upstream.requests();

    // The circuit is open: stale copies at once, no upstream call, nothing waits on the hung upstream.
    const later = await Promise.all([5, 6, 7].map((i) => proxy.request(checkpoint(i))));
    for (const response of later) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-status')).toContain('detail=stale-if-error');
    }
    const miss = await proxy.request(checkpoint(12));
    expect(miss.status).toBe(503);
    expect(miss.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(miss.headers.get('cache-status')).toBe('atlas-checkpoints-proxy; fwd=miss; detail=circuit-open');
    expect(await errorCode(miss)).toBe('SERVICE_UNAVAILABLE');
    expect(upstream.requests()).toBe(calls);

    const ready = await proxy.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', circuit: 'open', upstream: 'down' });
  });

  it('counts failed fills, not attempts: with one retry each, the circuit opens at the fifth failed fill', async () => {
    const { proxy, fake } = await setup({ upstreamRetries: 1, upstreamTimeoutMs: 5_000 });
    fake.faults.failNext(100, { status: 500 });
    for (let i = 0; i < 4; i += 1) {
      expect((await proxy.request(checkpoint(i))).status).toBe(500);
      expect(proxy.upstreamHealth.state().circuit).toBe('closed');
    }
    expect(fake.requests()).toHaveLength(8); // each fill: the attempt and its retry
    expect((await proxy.request(checkpoint(4))).status).toBe(500);
    expect(proxy.upstreamHealth.state().circuit).toBe('open');
    const miss = await proxy.request(checkpoint(5));
    expect(miss.status).toBe(503);
    expect(fake.requests()).toHaveLength(10);
  });

  it('honours one Retry-After for everyone: one upstream call, stale copies at once, misses get the 429 until it passes', async () => {
    const { proxy, fake, clock } = await setup();
    for (let i = 0; i < 3; i += 1) expect((await proxy.request(checkpoint(i))).status).toBe(200);
    clock.advance(STALE);
    fake.faults.rateLimitNext(100, { retryAfterSeconds: 30 });
    const before = fake.requests().length;

    const first = await proxy.request(checkpoint(0));
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-status')).toContain('fwd-status=429');
    const [stale1, stale2, miss] = await Promise.all([
      proxy.request(checkpoint(1)),
      proxy.request(checkpoint(2)),
      proxy.request(checkpoint(9)),
    ]);
    expect(stale1.status).toBe(200);
    expect(stale2.status).toBe(200);
    expect(stale1.headers.get('cache-status')).toContain('detail=stale-if-error');
    expect(miss.status).toBe(429);
    expect(Number(miss.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(miss.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect(await errorCode(miss)).toBe('RATE_LIMITED');
    expect(fake.requests().length - before).toBe(1);

    // Once the Retry-After has passed, the next request goes upstream again.
    fake.faults.clear();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 30_001 });
    expect((await proxy.request(checkpoint(9))).status).toBe(200);
    expect(fake.requests().length - before).toBe(2);
  });

  it('keeps a passthrough token’s Retry-After to that token', async () => {
    const { proxy, fake } = await setup({ authMode: 'passthrough' });
    const as = (token: string, path: string) => proxy.request(path, { headers: { authorization: `Bearer ${token}` } });
    fake.faults.rateLimitNext(1, { retryAfterSeconds: 30 });
    expect((await as('token-a', checkpoint(1))).status).toBe(429);
    expect((await as('token-a', checkpoint(2))).status).toBe(429);
    expect((await as('token-b', checkpoint(2))).status).toBe(200);
    expect(fake.requests()).toHaveLength(2);
  });

  it('bounds the upstream queue: beyond it, 503 with Retry-After at once', async () => {
    const { proxy, upstream } = await setup({ upstreamConnections: 2, upstreamQueue: 3, upstreamTimeoutMs: 30_000 });
    upstream.hang();
    const answers: Array<Response | undefined> = Array.from({ length: 10 });
    const all = Array.from({ length: 10 }, (_, i) =>
      proxy.request(checkpoint(i)).then((response) => {
        answers[i] = response;
        return response;
      }),
    );
    await expect.poll(() => upstream.held()).toBe(2);
    await expect.poll(() => answers.filter((r) => r !== undefined).length).toBe(5);
    const shed = answers.filter((r): r is Response => r !== undefined);
    for (const response of shed) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await errorCode(response)).toBe('SERVICE_UNAVAILABLE');
    }
    upstream.resume();
    const settled = await Promise.all(all);
    expect(settled.filter((r) => r.status === 200)).toHaveLength(5);
    expect(upstream.requests()).toBe(5);
  });

  it('bounds a whole fill with --upstream-timeout, retries included', async () => {
    const { proxy, fake } = await setup({ upstreamRetries: 2, upstreamTimeoutMs: 700 });
    fake.faults.setLatency(300);
    fake.faults.failNext(100, { status: 502 });
    const response = await proxy.request(checkpoint(0));
    // Three attempts take at least 900 ms: the deadline ends the fill first.
    expect(response.status).toBe(504);
    expect(await errorCode(response)).toBe('GATEWAY_TIMEOUT');
    expect(fake.requests().length).toBeLessThan(3);
  });

  it('retries a failed fill once by default, and never a 4xx', async () => {
    const { proxy, fake } = await setup({ upstreamRetries: undefined, upstreamTimeoutMs: 5_000 });
    fake.faults.failNext(1, { status: 500 });
    expect((await proxy.request(checkpoint(0))).status).toBe(200);
    expect(fake.requests()).toHaveLength(2);
    expect((await proxy.request(`${base}/${'f'.repeat(24)}`)).status).toBe(404);
    expect(fake.requests()).toHaveLength(3);
  });
});

describe('/readyz', () => {
  it('answers 200 from the memory cache while upstream hangs, with at most one upstream check in flight', async () => {
    const { proxy, upstream } = await setup();
    upstream.hang();
    const probes = await Promise.all(Array.from({ length: 300 }, () => proxy.request('/readyz')));
    expect(probes.every((r) => r.status === 200)).toBe(true);
    expect(await probes[0]?.json()).toEqual({
      cache: 'up',
      cacheKind: 'memory',
      circuit: 'closed',
      status: 'ready',
      upstream: 'unknown',
    });
    await expect.poll(() => upstream.requests()).toBe(1);
    const again = await Promise.all(Array.from({ length: 300 }, () => proxy.request('/readyz')));
    expect(again.every((r) => r.status === 200)).toBe(true);
    expect(upstream.connections()).toBe(1);
    expect(upstream.requests()).toBe(1);
  });

  it('reports upstream up from recent traffic without a check of its own', async () => {
    const { proxy, upstream } = await setup();
    expect((await proxy.request(checkpoint(0))).status).toBe(200);
    const calls = upstream.requests();
    expect(await (await proxy.request('/readyz')).json()).toMatchObject({ status: 'ready', upstream: 'up' });
    expect(upstream.requests()).toBe(calls);
  });

  it('turns 503 while draining, and keeps serving', async () => {
    const { proxy } = await setup();
    expect((await proxy.request(checkpoint(0))).status).toBe(200);
    proxy.startDraining();
    const ready = await proxy.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'draining' });
    expect((await proxy.request(checkpoint(0))).status).toBe(200);
  });
});
