import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntry } from './entry.js';
import { createRedisStore } from './redis-store.js';
import { startRedisTls } from '../test-helpers/redis-topology.js';

let server: Awaited<ReturnType<typeof startRedisTls>>;
beforeAll(async () => {
  server = await startRedisTls();
}, 30_000);
afterAll(async () => {
  await server.close();
});

describe('Redis over TLS (redis-server with a self-signed certificate, started by the test)', () => {
  it('connects with rediss:// when the CA is given, and stores and reads entries', async () => {
    const store = createRedisStore({
      url: `rediss://127.0.0.1:${server.port}`,
      ca: server.ca,
      keyPrefix: 'tls:',
      localMaxBytes: 1024 * 1024,
    });
    try {
      await expect.poll(() => store.ping(), { timeout: 10_000 }).toBe(true);
      const entry = createEntry('doc', { ok: true }, 1);
      await store.set('g/a/-/proxy/listGroupClusters/2023-01-01/-/page', entry, 60_000);
      const reader = createRedisStore({
        url: `rediss://127.0.0.1:${server.port}`,
        ca: server.ca,
        keyPrefix: 'tls:',
        localMaxBytes: 1024 * 1024,
      });
      try {
        await expect.poll(() => reader.ping(), { timeout: 10_000 }).toBe(true);
        expect(await reader.get('g/a/-/proxy/listGroupClusters/2023-01-01/-/page')).toEqual(entry);
      } finally {
        await reader.close();
      }
    } finally {
      await store.close();
    }
  });

  it('refuses a server whose certificate it cannot verify (no CA given), and never reports it healthy', async () => {
    const errors: string[] = [];
    const store = createRedisStore({ url: `rediss://127.0.0.1:${server.port}`, keyPrefix: 'tls:', localMaxBytes: 1024 * 1024 });
    store.redis.on('error', (error: Error) => errors.push(error.message));
    try {
      await expect.poll(() => errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(errors.join('\n')).toMatch(/self[- ]signed/i);
      expect(await store.ping()).toBe(false);
    } finally {
      await store.close();
    }
  });
});
