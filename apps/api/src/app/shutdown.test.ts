import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATIONS, parseRequest } from '@atlas-checkpoints/core';
import { cacheKey } from '../cache/keys.js';
import { entryKey, lockKey } from '../cache/redis-keys.js';
import { createRedisStore } from '../cache/redis-store.js';
import { startHarness } from '../test-helpers/setup.js';

const prefix = `atlas-proxy-test:${randomUUID()}:`;
const admin = new Redis('redis://127.0.0.1:6379');
afterAll(async () => {
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
});

describe('shutdown', () => {
  it('lets a background refresh finish and release its Redis lock before closing the store', async () => {
    const store = createRedisStore({ url: 'redis://127.0.0.1:6379', keyPrefix: prefix, localMaxBytes: 8 * 1024 * 1024 });
    await expect.poll(() => store.ping()).toBe(true);
    const h = await startHarness({}, { latencyMs: 150 }, store, { listen: true });
    const url = `${h.server.url}/api/atlas/v2/groups/${h.groupId}/clusters`;
    expect((await fetch(url)).status).toBe(200);
    h.clock.advance(60_001);
    const stale = await fetch(url);
    expect(stale.headers.get('cache-status')).toContain('detail=stale-while-revalidate');
    const request = parseRequest(OPERATIONS.listGroupClusters, {
      pathValues: { groupId: h.groupId },
      search: '',
      accept: undefined,
    });
    const key = cacheKey({ partition: 'proxy', request, snapshot: true });
    expect(await admin.exists(lockKey(prefix, key))).toBe(1);
    await h.close();
    expect(await admin.exists(lockKey(prefix, key))).toBe(0);
    expect(await admin.hget(entryKey(prefix, key), 'storedAt')).toBe(String(h.clock.now()));
  });
});
