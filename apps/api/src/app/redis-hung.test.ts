import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisStore } from '../cache/redis-store.js';
import { freePort, killChild, startRedis } from '../test-helpers/redis-server.js';
import { startHarness, type Harness } from '../test-helpers/setup.js';

const V2 = '/api/atlas/v2';
const COMMAND_TIMEOUT_MS = 1_000;
let redis: ChildProcess | undefined;
let h: Harness | undefined;
afterEach(async () => {
  if (redis?.pid !== undefined && redis.exitCode === null) process.kill(redis.pid, 'SIGCONT');
  await h?.close();
  if (redis) await killChild(redis);
  h = undefined;
  redis = undefined;
});

const readyz = async (base: string) => (await (await fetch(`${base}/readyz`)).json()) as { status: string; cache: string };

describe('a hung Redis (SIGSTOP)', () => {
  it('is left alone after a few timeouts: requests answer at once from the local copy or upstream, readiness says degraded, and it is used again once it answers', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const store = createRedisStore({
      url: `redis://127.0.0.1:${port}`,
      keyPrefix: 'hung:',
      localMaxBytes: 8 * 1024 * 1024,
      commandTimeoutMs: COMMAND_TIMEOUT_MS,
      failureThreshold: 3,
      retryAfterMs: 500,
    });
    await expect.poll(() => store.ping()).toBe(true);
    h = await startHarness({}, {}, store, { listen: true });
    const base = h.server.url;
    const cached = `${base}${V2}/groups/${h.groupId}/clusters`;
    expect((await fetch(cached)).status).toBe(200);
    expect((await readyz(base)).status).toBe('ready');

    process.kill(redis.pid ?? 0, 'SIGSTOP');
    // Without a breaker every request waits for at least one command timeout (a miss for several):
    // 30 requests would take 30 s or more.
    const paths = [
      cached,
      `${base}${V2}/groups`,
      ...h.checkpointIds
        .slice(0, 10)
        .map((id) => `${base}${V2}/groups/${h?.groupId}/clusters/${h?.clusterName}/backupCheckpoints/${id}`),
    ];
    const started = Date.now();
    for (let i = 0; i < 30; i += 1) {
      const response = await fetch(paths[i % paths.length] ?? cached);
      await response.arrayBuffer();
      expect(response.status).toBe(200);
    }
    const elapsed = Date.now() - started;
    console.log(`hung Redis: 30 requests in ${elapsed} ms (command timeout ${COMMAND_TIMEOUT_MS} ms)`);
    expect(elapsed).toBeLessThan((30 * COMMAND_TIMEOUT_MS) / 3);
    expect(store.healthy()).toBe(false);
    expect(await readyz(base)).toMatchObject({ status: 'degraded', cache: 'down' });

    process.kill(redis.pid ?? 0, 'SIGCONT');
    await expect.poll(() => store.healthy(), { timeout: 10_000 }).toBe(true);
    expect((await readyz(base)).status).toBe('ready');
    expect((await fetch(cached)).headers.get('cache-status')).toContain('hit');
  }, 60_000);
});
