import { none } from '@atlas-checkpoints/core';
import { expect } from 'vitest';
import { createProxy } from '../app/create-proxy.js';
import { createRedisStore, type RedisStoreOptions } from '../cache/redis-store.js';
import { startServer, type RunningProxyServer } from '../server/start-server.js';
import { POLICY, startHarness, type Harness } from './setup.js';

/** Two proxies on real sockets sharing one Redis deployment and one fake Atlas. */
export interface Replicas {
  /** The first proxy, with the fake Atlas and the clock. */
  readonly h: Harness;
  /** The second proxy's server. */
  readonly other: RunningProxyServer;
  readonly stores: readonly [ReturnType<typeof createRedisStore>, ReturnType<typeof createRedisStore>];
  close(): Promise<void>;
}

/**
 * Starts two proxies whose stores share the Redis at `store.url` (each its own connection), in
 * front of one fake Atlas answering after `latencyMs`; resolved once both stores answer `PING`.
 */
export async function startReplicas(
  store: Omit<RedisStoreOptions, 'localMaxBytes'>,
  fake: { latencyMs?: number } = {},
): Promise<Replicas> {
  const first = createRedisStore({ localMaxBytes: 8 * 1024 * 1024, ...store });
  await expect.poll(() => first.ping(), { timeout: 20_000 }).toBe(true);
  const h = await startHarness({}, fake, first, { listen: true });
  const second = createRedisStore({ localMaxBytes: 8 * 1024 * 1024, ...store, now: h.clock.now });
  await expect.poll(() => second.ping(), { timeout: 20_000 }).toBe(true);
  const proxy = createProxy({
    upstreamUrl: h.upstream.url,
    upstreamAuth: none(),
    authMode: 'proxy',
    store: second,
    policy: POLICY,
    now: h.clock.now,
    upstreamRetries: 0,
    upstreamTimeoutMs: 5_000,
  });
  const other = await startServer(proxy, { port: 0, host: '127.0.0.1' });
  return {
    h,
    other,
    stores: [first, second],
    async close() {
      await other.close(100);
      await proxy.close();
      await h.close();
    },
  };
}

/** `n` concurrent GETs of `path` on each replica: their statuses, and the upstream calls for `route` they made. */
export async function coldBurst(replicas: Replicas, path: string, route: string, n = 20) {
  const before = replicas.h.fake.requests().filter((r) => r.route === route).length;
  const responses = await Promise.all(
    [replicas.h.server.url, replicas.other.url].flatMap((base) => Array.from({ length: n }, () => fetch(`${base}${path}`))),
  );
  await Promise.all(responses.map((r) => r.arrayBuffer()));
  return {
    statuses: responses.map((r) => r.status),
    upstreamCalls: replicas.h.fake.requests().filter((r) => r.route === route).length - before,
  };
}
