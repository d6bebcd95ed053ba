import { Redis } from 'ioredis';
import { createEntry } from '../cache/entry.js';
import { createRedisStore } from '../cache/redis-store.js';
import { afterEach, describe, expect, it } from 'vitest';
import { killChild } from '../test-helpers/redis-server.js';
import { coldBurst, startReplicas, type Replicas } from '../test-helpers/replicas.js';
import { sentinelMasterPort, startRedisSentinel } from '../test-helpers/redis-topology.js';

const V2 = '/api/atlas/v2';
// Each test owns its servers and stops them before the next starts: a sentinel left running would
// go on monitoring a port the next topology may be given.
let topology: Awaited<ReturnType<typeof startRedisSentinel>> | undefined;
let replicas: Replicas | undefined;
afterEach(async () => {
  await replicas?.close();
  await topology?.close();
  [replicas, topology] = [undefined, undefined];
});

describe('Redis Sentinel (master, replica and two sentinels started by the test)', () => {
  it('two proxies keep answering while the master is killed mid-load and the replica takes over; a cold burst after makes one call', async () => {
    const servers = await startRedisSentinel();
    topology = servers;
    const sentinels = servers.sentinels.map((sentinel) => `127.0.0.1:${sentinel.port}`).join(',');
    replicas = await startReplicas(
      { url: `redis-sentinel://${sentinels}/${servers.name}`, keyPrefix: 'acp:' },
      { latencyMs: 50 },
    );
    const { h, other, stores } = replicas;
    const bases = [h.server.url, other.url];
    const paths = [`${V2}/groups`, ...h.fake.fixtures.projects.map((p) => `${V2}/groups/${p.group.id}/clusters`)];
    let sent = 0;
    const failures: string[] = [];
    let stop = false;
    const figures = { sentAtKill: 0, sentWhileFollowing: 0, followedMs: 0 };
    const worker = async (w: number) => {
      for (let i = 0; !stop; i += 1) {
        const url = `${bases[(w + i) % 2]}${paths[(w + i) % paths.length]}`;
        sent += 1;
        try {
          const response = await fetch(url);
          await response.arrayBuffer();
          if (response.status !== 200) failures.push(`${response.status} ${url}`);
        } catch (error) {
          failures.push(`${String(error)} ${url}`);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 4 }, (_, w) => worker(w)));
    try {
      await expect.poll(() => sent, { timeout: 20_000 }).toBeGreaterThan(200);
      const killedAt = Date.now();
      figures.sentAtKill = sent;
      await killChild(servers.master.child);
      // Sentinel promotes the replica; both proxies follow it.
      const [sentinel] = servers.sentinels;
      await expect
        .poll(() => sentinelMasterPort(sentinel?.port ?? 0, servers.name), { timeout: 30_000, interval: 200 })
        .toBe(servers.replica.port);
      await expect.poll(() => stores.every((store) => store.healthy()), { timeout: 30_000, interval: 100 }).toBe(true);
      const after = sent;
      figures.followedMs = Date.now() - killedAt;
      figures.sentWhileFollowing = after - figures.sentAtKill;
      await expect.poll(() => sent, { timeout: 20_000 }).toBeGreaterThan(after + 200);
    } finally {
      stop = true;
      await load;
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(400);
    console.log(
      `sentinel failover: ${sent} requests, ${failures.length} failed; master killed → both proxies on the promoted replica in ${figures.followedMs} ms (${figures.sentWhileFollowing} requests meanwhile)`,
    );

    // Both proxies write to the promoted replica now, and share its locks.
    const burst = await coldBurst(
      replicas,
      `${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints`,
      'listGroupClusterBackupCheckpoints',
    );
    expect(burst.statuses.every((status) => status === 200)).toBe(true);
    expect(burst.upstreamCalls).toBe(1);
    const promoted = new Redis({ host: '127.0.0.1', port: servers.replica.port, lazyConnect: true });
    try {
      expect(await promoted.keys('acp:{proxy}:*/listGroupClusterBackupCheckpoints/*')).toHaveLength(1);
    } finally {
      promoted.disconnect();
    }
  }, 120_000);
});

describe('Redis Sentinel over TLS (rediss-sentinel://: sentinels, master and replica speak TLS only)', () => {
  it('finds the master through the sentinels, verifies every hop against the CA given, and follows a failover', async () => {
    const tls = await startRedisSentinel({ tls: true });
    topology = tls;
    const sentinels = tls.sentinels.map((sentinel) => `127.0.0.1:${sentinel.port}`).join(',');
    const store = createRedisStore({
      url: `rediss-sentinel://${sentinels}/${tls.name}`,
      ca: tls.ca,
      keyPrefix: 'tls:',
      localMaxBytes: 1024 * 1024,
    });
    const key = 'g/dddd/-/proxy/listGroupClusters/2023-01-01/-/page';
    try {
      await expect.poll(() => store.ping(), { timeout: 20_000 }).toBe(true);
      await store.set(key, createEntry('doc', 1, 1), 60_000);
      await killChild(tls.master.child);
      await expect
        .poll(() => sentinelMasterPort(tls.sentinels[0]?.port ?? 0, tls.name, tls.cli), { timeout: 30_000, interval: 200 })
        .toBe(tls.replica.port);
      await expect.poll(() => store.ping(), { timeout: 30_000, interval: 100 }).toBe(true);
      const entry = createEntry('doc', 2, 2);
      await store.set(key, entry, 60_000);
      expect(await store.get(key)).toEqual(entry);
    } finally {
      await store.close();
    }
  }, 120_000);
});
