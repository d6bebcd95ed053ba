import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { startGatedUpstream, type GatedUpstream } from '../test-helpers/gated-upstream.js';

const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
let upstream: GatedUpstream | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

/** Starts the bin; resolves with its URL, its exit, and everything it wrote to stderr. */
async function startBin(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@atlas-checkpoints/source', bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line);
    });
    void exited.then(([code]) => reject(new Error(`the bin exited with ${code}: ${stderr}`)));
  });
  return { child, url, exited, stderr: () => stderr };
}

describe('SIGTERM', () => {
  it('turns readiness 503 while still serving, then answers a request stuck on a hung upstream with an Atlas-shaped 503 and exits 0', async () => {
    const fake = createFakeAtlas({
      fixtures: generateFixtures({ seed: 3, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 2 }),
    });
    upstream = await startGatedUpstream(fake);
    upstream.hang();
    const proxy = await startBin([
      '--upstream',
      upstream.url,
      '--auth-mode',
      'passthrough',
      '--port',
      '0',
      '--drain-delay',
      '1s',
      '--shutdown-timeout',
      '4s',
      '--upstream-timeout',
      '60s',
    ]);
    const stuck = fetch(`${proxy.url}/api/atlas/v2/groups`, { headers: { authorization: 'Bearer some-atlas-token' } });
    await expect.poll(() => upstream?.held()).toBe(1);
    expect((await fetch(`${proxy.url}/readyz`)).status).toBe(200);

    proxy.child.kill('SIGTERM');
    await expect.poll(async () => (await fetch(`${proxy.url}/readyz`)).status, { interval: 20 }).toBe(503);
    const during = await fetch(`${proxy.url}/healthz`);
    expect(during.status).toBe(200);
    expect(during.headers.get('connection')).toBe('close');

    const answer = await stuck;
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(await answer.json()).toEqual({
      detail: 'The proxy is shutting down.',
      error: 503,
      errorCode: 'SERVICE_UNAVAILABLE',
      parameters: [],
      reason: 'Service Unavailable',
    });
    const [code] = await proxy.exited;
    expect(code).toBe(0);
    const phases = proxy
      .stderr()
      .split('\n')
      .filter((line) => line.includes('"shutdown"'))
      .map((line) => (JSON.parse(line) as { shutdown: string }).shutdown);
    expect(phases).toEqual(['draining', 'closing', 'aborting', 'closing-resources']);
  });
});

describe('the log stream', () => {
  it.each([
    ['the memory cache', []],
    // passthrough on Redis without --partition-key-file: the proxy's own warning about it
    ['Redis', ['--cache', 'redis://127.0.0.1:6379/0', '--redis-prefix', `log-stream-${process.pid}:`]],
  ])(
    'is JSON lines only, from start to exit, with %s: Node’s own warnings (undici’s ExperimentalWarning) included',
    async (_name, extra) => {
      const fake = createFakeAtlas({
        fixtures: generateFixtures({ seed: 3, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 2 }),
      });
      upstream = await startGatedUpstream(fake);
      // Both an API key and a service account: core's precedence picks the service account, and the start line says so.
      const proxy = await startBin(
        ['--upstream', upstream.url, '--auth-mode', 'passthrough', '--port', '0', '--drain-delay', '0s', ...extra],
        {
          MONGODB_ATLAS_PUBLIC_API_KEY: 'pub',
          MONGODB_ATLAS_PRIVATE_API_KEY: 'private-key-value',
          MONGODB_ATLAS_CLIENT_ID: 'mdb_sa_id_1',
          MONGODB_ATLAS_CLIENT_SECRET: 'client-secret-value',
        },
      );
      const served = await fetch(`${proxy.url}/api/atlas/v2/groups`, { headers: { authorization: 'Bearer some-atlas-token' } });
      await served.arrayBuffer();
      proxy.child.kill('SIGTERM');
      expect((await proxy.exited)[0]).toBe(0);
      const lines = proxy.stderr().split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
      const parsed = lines.map((line) => JSON.parse(line) as { msg?: string; credentials?: string });
      expect(parsed.find((line) => line.msg === 'listening')?.credentials).toBe('serviceAccount');
      expect(proxy.stderr()).not.toMatch(/private-key-value|client-secret-value/);
    },
  );
});
