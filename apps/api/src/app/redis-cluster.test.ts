import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntry } from '../cache/entry.js';
import { createRedisStore } from '../cache/redis-store.js';
import { coldBurst, startReplicas } from '../test-helpers/replicas.js';
import { startRedisCluster, type RedisProcess, type RedisTopology } from '../test-helpers/redis-topology.js';

const V2 = '/api/atlas/v2';
let cluster: RedisTopology & { nodes: RedisProcess[] };
let url: string;
beforeAll(async () => {
  cluster = await startRedisCluster(3);
  url = `redis-cluster://${cluster.nodes.map((node) => `127.0.0.1:${node.port}`).join(',')}`;
}, 60_000);
afterAll(async () => {
  await cluster.close();
});

describe('Redis Cluster (3 masters started by the test)', () => {
  it('two proxies sharing the cluster make one upstream call for a cold burst, and serve it from the cluster', async () => {
    const replicas = await startReplicas({ url: url.replace(/,.*/, ''), keyPrefix: 'acp:' }, { latencyMs: 200 });
    try {
      const { h } = replicas;
      const burst = await coldBurst(replicas, `${V2}/groups/${h.groupId}/clusters`, 'listGroupClusters');
      expect(burst.statuses.every((status) => status === 200)).toBe(true);
      expect(burst.upstreamCalls).toBe(1);
      const hit = await fetch(`${replicas.other.url}${V2}/groups/${h.groupId}/clusters`);
      expect(hit.headers.get('cache-status')).toContain('hit');
      const keys = (
        await Promise.all(
          replicas.stores[0].redis instanceof Cluster ? replicas.stores[0].redis.nodes('master').map((n) => n.keys('acp:*')) : [],
        )
      ).flat();
      expect(keys.some((key) => key.startsWith('acp:{proxy}:g/'))).toBe(true);
    } finally {
      await replicas.close();
    }
  }, 60_000);

  it('spreads partitions over the masters, and a purge (SCAN + UNLINK per slot) reaches every master', async () => {
    const store = createRedisStore({ url, keyPrefix: 'purge:', localMaxBytes: 1024 * 1024 });
    try {
      await expect.poll(() => store.ping(), { timeout: 20_000 }).toBe(true);
      const partitions = Array.from({ length: 24 }, (_, i) => `p${i}`);
      for (const partition of partitions) {
        await store.set(`g/aaaa/c1/${partition}/listCheckpoints/2023-01-01/-/page`, createEntry('doc', { partition }, 1), 60_000);
        await store.set(`g/aaaa/c2/${partition}/listCheckpoints/2023-01-01/-/page`, createEntry('doc', { partition }, 1), 60_000);
        await store.set(`g/bbbb/c1/${partition}/listCheckpoints/2023-01-01/-/page`, createEntry('doc', { partition }, 1), 60_000);
      }
      const masters = (store.redis as Cluster).nodes('master');
      const perNode = await Promise.all(masters.map((node) => node.keys('purge:*')));
      expect(perNode.filter((keys) => keys.length > 0).length).toBe(3);

      // A lock and its Lua release on a key of another slot.
      const lock = await store.lock('g/aaaa/c1/p7/listCheckpoints/2023-01-01/-/page', 5_000);
      expect(lock).toBeDefined();
      await lock?.release();

      expect(await store.deleteMatching('g/aaaa/*')).toBe(48);
      const left = (await Promise.all(masters.map((node) => node.keys('purge:*')))).flat();
      expect(left).toHaveLength(24);
      expect(left.every((key) => key.includes(':g/bbbb/'))).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('Redis Cluster over TLS (rediss-cluster://, 3 masters with a self-signed certificate)', () => {
  it('discovers the nodes from one seed, verifies them against the CA given, and stores and purges across them', async () => {
    const tls = await startRedisCluster(3, { tls: true });
    const store = createRedisStore({
      url: `rediss-cluster://127.0.0.1:${tls.nodes[0]?.port}`,
      ca: tls.ca,
      keyPrefix: 'tls:',
      localMaxBytes: 1024 * 1024,
    });
    try {
      await expect.poll(() => store.ping(), { timeout: 20_000 }).toBe(true);
      for (let i = 0; i < 12; i += 1) {
        await store.set(`g/cccc/c1/p${i}/listCheckpoints/2023-01-01/-/page`, createEntry('doc', i, 1), 60_000);
      }
      const masters = (store.redis as Cluster).nodes('master');
      expect(masters).toHaveLength(3);
      expect((await Promise.all(masters.map((node) => node.keys('tls:*')))).filter((keys) => keys.length > 0).length).toBe(3);
      expect(await store.deleteMatching('g/cccc/*')).toBe(12);
    } finally {
      await store.close();
      await tls.close();
    }
  }, 60_000);
});
