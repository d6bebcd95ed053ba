import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisTls } from '../test-helpers/redis-topology.js';
import { startFromArgs } from './main.js';

const io = () => ({ out: [] as string[], err: [] as string[] });
const run = (argv: string[], t = io()) =>
  startFromArgs(['node', 'proxy', '--demo', '--port', '0', '--log-level', 'silent', '--drain-delay', '0', ...argv], {
    stdout: (line) => t.out.push(line),
    stderr: (line) => t.err.push(line),
    env: {},
  });

let server: Awaited<ReturnType<typeof startRedisTls>>;
beforeAll(async () => {
  server = await startRedisTls();
}, 30_000);
afterAll(async () => {
  await server.close();
});

describe('Redis flags', () => {
  it('--cache rediss://… with --redis-ca serves from Redis over TLS, and /readyz says so', async () => {
    const t = io();
    const running = await run(['--cache', `rediss://127.0.0.1:${server.port}`, '--redis-ca', server.caFile], t);
    try {
      const base = t.out[0] ?? '';
      await expect
        .poll(async () => ((await (await fetch(`${base}/readyz`)).json()) as { cache: string }).cache, { timeout: 10_000 })
        .toBe('up');
      expect((await fetch(`${base}/api/atlas/v2/groups`)).headers.get('cache-status')).toContain('fwd=miss');
      expect((await fetch(`${base}/api/atlas/v2/groups`)).headers.get('cache-status')).toContain('hit');
      expect(await fetch(`${base}/readyz`).then((r) => r.json())).toMatchObject({ status: 'ready', cacheKind: 'redis' });
    } finally {
      await running.stop();
    }
  });

  it('refuses a cache URL it cannot use, a prefix that would break hash tags, and a CA file that is not PEM, each in one line', async () => {
    await expect(run(['--cache', 'redis-sentinel://127.0.0.1:26379'])).rejects.toThrow(/names its master/);
    await expect(run(['--cache', 'memcached://127.0.0.1'])).rejects.toThrow(/redis-cluster:\/\//);
    await expect(run(['--cache', 'redis://127.0.0.1:6379', '--redis-prefix', 'a{b}'])).rejects.toThrow(/hash tags/);
    const dir = mkdtempSync(join(tmpdir(), 'proxy-redis-ca-'));
    try {
      writeFileSync(join(dir, 'ca.pem'), 'not a certificate');
      await expect(run(['--cache', 'rediss://127.0.0.1:6379', '--redis-ca', join(dir, 'ca.pem')])).rejects.toThrow(
        /--redis-ca file .* holds no PEM certificate/,
      );
      await expect(run(['--cache', 'rediss://127.0.0.1:6379', '--redis-ca', join(dir, 'missing.pem')])).rejects.toThrow(
        /cannot read --redis-ca file/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
