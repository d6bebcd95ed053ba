import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createEntry } from './entry.js';
import { entryKey } from './redis-keys.js';
import { createRedisStore } from './redis-store.js';

const prefix = `atlas-proxy-test:${randomUUID()}:`;
const store = createRedisStore({ url: 'redis://127.0.0.1:6379', keyPrefix: prefix, localMaxBytes: 1024 * 1024 });
const admin = new Redis('redis://127.0.0.1:6379');

afterAll(async () => {
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
  await store.close();
});

describe('Redis store (real Redis on 127.0.0.1:6379)', () => {
  it('stores entries under its prefix with an expiry, and reads them back', async () => {
    await expect.poll(() => store.ping()).toBe(true);
    const entry = createEntry('doc', { results: [1, 2] }, 1000);
    await store.set('g/a/-/proxy/listClusters/p1.100.1', entry, 60_000);
    expect(await store.get('g/a/-/proxy/listClusters/p1.100.1')).toEqual(entry);
    // `<prefix>{<partition>}:<key>`: a partition's entries and its index share one hash slot.
    const ttl = await admin.pttl(entryKey(prefix, 'g/a/-/proxy/listClusters/p1.100.1'));
    expect(ttl).toBeGreaterThan(50_000);
    expect(await admin.hget(entryKey(prefix, 'g/a/-/proxy/listClusters/p1.100.1'), 'etag')).toBe(entry.etag);
    expect(await admin.sismember(`${prefix}{proxy}:index`, 'g/a/-/proxy/listClusters/p1.100.1')).toBe(1);
    expect(await admin.pttl(`${prefix}{proxy}:index`)).toBeGreaterThan(50_000);
  });

  it("keeps an entry's own TTL across replicas, and a replacement without one drops it", async () => {
    const other = createRedisStore({ url: 'redis://127.0.0.1:6379', keyPrefix: prefix, localMaxBytes: 1024 * 1024 });
    await expect.poll(() => other.ping()).toBe(true);
    const running = createEntry('doc', { statusName: 'IN_PROGRESS' }, 3000, 200, 10_000);
    await other.set('g/e/-/proxy/getLegacyRestoreJob/x', running, 60_000);
    expect(await store.get('g/e/-/proxy/getLegacyRestoreJob/x')).toEqual(running);
    const finished = createEntry('doc', { statusName: 'FINISHED' }, 4000);
    await other.set('g/e/-/proxy/getLegacyRestoreJob/x', finished, 60_000);
    expect(await admin.hget(`${prefix}{proxy}:g/e/-/proxy/getLegacyRestoreJob/x`, 'ttlMs')).toBeNull();
    expect(await store.get('g/e/-/proxy/getLegacyRestoreJob/x')).toEqual(finished);
    await other.close();
  });

  it('reads what another replica wrote (not only its local copy)', async () => {
    const other = createRedisStore({ url: 'redis://127.0.0.1:6379', keyPrefix: prefix, localMaxBytes: 1024 * 1024 });
    await expect.poll(() => other.ping()).toBe(true);
    const entry = createEntry('snapshot', { results: ['x'] }, 2000);
    await other.set('g/b/-/proxy/listProjects/all', entry, 60_000);
    expect(await store.get('g/b/-/proxy/listProjects/all')).toEqual(entry);
    await other.close();
  });

  it('deletes by glob across the prefix', async () => {
    await store.set('g/c/one/proxy/x/1', createEntry('doc', 1, 1), 60_000);
    await store.set('g/c/two/proxy/x/1', createEntry('doc', 2, 1), 60_000);
    await store.set('g/d/one/proxy/x/1', createEntry('doc', 3, 1), 60_000);
    expect(await store.deleteMatching('g/c/*')).toBe(2);
    expect(await store.get('g/c/one/proxy/x/1')).toBeUndefined();
    expect(await store.get('g/d/one/proxy/x/1')).toBeDefined();
  });

  it('deletes one partition through its index (no SCAN), from Redis and from the local copy', async () => {
    const other = createRedisStore({ url: 'redis://127.0.0.1:6379', keyPrefix: prefix, localMaxBytes: 1024 * 1024 });
    await expect.poll(() => other.ping()).toBe(true);
    for (let i = 0; i < 30; i += 1) {
      await store.set(`g/e/-/tA/x/${i}`, createEntry('doc', i, 1), 60_000);
      await store.set(`g/e/-/tB/x/${i}`, createEntry('doc', i, 1), 60_000);
    }
    // An error entry retained briefly does not shorten the index's life.
    await store.set('g/e/-/tA/x/404', createEntry('error', {}, 1, 404), 1_000);
    expect(await admin.pttl(`${prefix}{tA}:index`)).toBeGreaterThan(50_000);
    expect(await other.get('g/e/-/tA/x/3')).toBeDefined();
    const scans = async () => Number(/cmdstat_scan:calls=(\d+)/.exec(await admin.info('commandstats'))?.[1] ?? 0);
    const before = await scans();
    expect(await other.deletePartition('tA')).toBe(31);
    expect(await other.deletePartition('tNone')).toBe(0);
    expect(await scans()).toBe(before);
    expect(await admin.exists(`${prefix}{tA}:index`, `${prefix}{tA}:g/e/-/tA/x/3`)).toBe(0);
    expect(await store.get('g/e/-/tA/x/3')).toBeUndefined();
    expect(await store.get('g/e/-/tB/x/3')).toBeDefined();
    await other.close();
  });

  it('grants a lock to one holder at a time', async () => {
    const first = await store.lock('k', 5_000);
    expect(first).toBeDefined();
    expect(await store.lock('k', 5_000)).toBeUndefined();
    await first?.release();
    const again = await store.lock('k', 5_000);
    expect(again).toBeDefined();
    await again?.release();
  });
});
