import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { none } from '@atlas-checkpoints/core';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRedisStore } from '../cache/redis-store.js';
import { startServer, type RunningProxyServer } from '../server/start-server.js';
import { createProxy } from './create-proxy.js';
import { freePort, killChild, startRedis } from '../test-helpers/redis-server.js';
import { POLICY, startHarness, type Harness } from '../test-helpers/setup.js';

const V2 = '/api/atlas/v2';
const prefix = `atlas-proxy-test:${randomUUID()}:`;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});
afterAll(async () => {
  const admin = new Redis('redis://127.0.0.1:6379');
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
});

async function secondReplica(h: Harness, url: string): Promise<RunningProxyServer> {
  const store = createRedisStore({ url, keyPrefix: prefix, localMaxBytes: 8 * 1024 * 1024, now: h.clock.now });
  await expect.poll(() => store.ping()).toBe(true);
  const proxy = createProxy({
    upstreamUrl: h.upstream.url,
    upstreamAuth: none(),
    authMode: 'proxy',
    store,
    policy: POLICY,
    now: h.clock.now,
    upstreamRetries: 0,
  });
  const server = await startServer(proxy, { port: 0, host: '127.0.0.1' });
  cleanups.push(async () => {
    await server.close(100);
    await proxy.close();
  });
  return server;
}

describe('replicas sharing Redis', () => {
  it('two proxies sharing one Redis make one upstream call for concurrent misses', async () => {
    const store = createRedisStore({ url: 'redis://127.0.0.1:6379', keyPrefix: prefix, localMaxBytes: 8 * 1024 * 1024 });
    await expect.poll(() => store.ping()).toBe(true);
    const h = await startHarness({}, { latencyMs: 200 }, store, { listen: true });
    cleanups.push(() => h.close());
    const other = await secondReplica(h, 'redis://127.0.0.1:6379');
    const path = `${V2}/groups/${h.groupId}/clusters`;
    const responses = await Promise.all([
      ...Array.from({ length: 20 }, () => fetch(`${h.server.url}${path}`)),
      ...Array.from({ length: 20 }, () => fetch(`${other.url}${path}`)),
    ]);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const bodies = new Set(responses.map((r) => r.headers.get('etag')));
    expect(bodies.size).toBe(2);
    expect(h.fake.requests().filter((r) => r.route === 'listGroupClusters')).toHaveLength(1);
  });

  it('keeps answering when its Redis is killed, says degraded, and recovers when it returns', async () => {
    const port = await freePort();
    let redis: ChildProcess = await startRedis(port);
    cleanups.push(() => killChild(redis));
    const store = createRedisStore({ url: `redis://127.0.0.1:${port}`, keyPrefix: prefix, localMaxBytes: 8 * 1024 * 1024 });
    await expect.poll(() => store.ping()).toBe(true);
    const h = await startHarness({}, {}, store, { listen: true });
    cleanups.unshift(() => h.close());
    const url = `${h.server.url}${V2}/groups/${h.groupId}/clusters`;
    expect((await fetch(url)).status).toBe(200);
    expect(((await (await fetch(`${h.server.url}/readyz`)).json()) as { status: string }).status).toBe('ready');

    await killChild(redis);
    await expect.poll(() => store.healthy()).toBe(false);
    const during = await fetch(url);
    expect(during.status).toBe(200);
    expect(during.headers.get('cache-status')).toContain('hit');
    await during.arrayBuffer();
    const other = await fetch(`${h.server.url}${V2}/groups`);
    expect(other.status).toBe(200);
    await other.arrayBuffer();
    const ready = await fetch(`${h.server.url}/readyz`);
    const text = await ready.text();
    expect(ready.status, text).toBe(200);
    expect(JSON.parse(text) as unknown).toMatchObject({ status: 'degraded', cache: 'down' });

    redis = await startRedis(port);
    await expect.poll(() => store.healthy(), { timeout: 10_000 }).toBe(true);
    expect(((await (await fetch(`${h.server.url}/readyz`)).json()) as { status: string }).status).toBe('ready');
    // The restarted Redis is empty (no persistence): the next request refills it, the one after hits.
    expect((await fetch(url)).headers.get('cache-status')).toContain('fwd=miss');
    expect((await fetch(url)).headers.get('cache-status')).toContain('hit');
  });
});
