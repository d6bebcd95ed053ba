import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createEntry } from './entry.js';
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
    const ttl = await admin.pttl(`${prefix}{proxy}:g/a/-/proxy/listClusters/p1.100.1`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(await admin.hget(`${prefix}{proxy}:g/a/-/proxy/listClusters/p1.100.1`, 'etag')).toBe(entry.etag);
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
