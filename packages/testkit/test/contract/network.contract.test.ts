import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createAtlasClient } from '@atlas-checkpoints/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeAtlas,
  createSelfSignedCertificate,
  generateFixtures,
  startForwardProxy,
  type ForwardProxy,
  type RunningServer,
  type SelfSignedCertificate,
} from '../../src/index.js';

const run = promisify(execFile);
const fake = createFakeAtlas({
  fixtures: generateFixtures({ seed: 5, projects: 2, clustersPerProject: 1, checkpointsPerCluster: 3 }),
});
const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];
let proxy: ForwardProxy;
let plain: RunningServer;
let tls: SelfSignedCertificate;
let secure: RunningServer;
const saved = Object.fromEntries(PROXY_VARS.map((name) => [name, process.env[name]]));

beforeAll(async () => {
  [proxy, plain, tls] = await Promise.all([startForwardProxy(), fake.listen({ port: 0 }), createSelfSignedCertificate()]);
  secure = await fake.listen({ port: 0, tls });
});
afterAll(async () => {
  await Promise.all([proxy.close(), plain.close(), secure.close()]);
  tls.remove();
});
afterEach(() => {
  for (const name of PROXY_VARS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** Runs core's client (from source) in a fresh Node process with `env`; resolves with its stdout or rejects with its stderr. */
async function listInChild(baseUrl: string, env: Record<string, string>) {
  const script = `
    import { createAtlasClient } from '@atlas-checkpoints/core';
    const page = await createAtlasClient({ baseUrl: ${JSON.stringify(baseUrl)}, retry: 0 }).listProjects();
    process.stdout.write(String(page.totalCount));
  `;
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--conditions=@atlas-checkpoints/source', '--input-type=module', '-e', script],
    { cwd: fileURLToPath(new URL('../..', import.meta.url)), env: { ...process.env, ...env }, timeout: 30_000 },
  );
  return stdout;
}

describe("core's default transport on a company network", () => {
  it('sends plain HTTP through HTTP_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url;
    const before = proxy.requests().length;
    const page = await createAtlasClient({ baseUrl: plain.url, retry: 0 }).listProjects();
    expect(page.totalCount).toBe(2);
    // undici tunnels plain HTTP too (CONNECT); either way the one request went through the proxy.
    const port = new URL(plain.url).port;
    expect(proxy.requests().slice(before)).toEqual([
      expect.stringMatching(
        new RegExp(`^(CONNECT 127\\.0\\.0\\.1:${port} |GET http://127\\.0\\.0\\.1:${port}/api/atlas/v2/groups)`),
      ),
    ]);
  });

  it('reaches a host named in NO_PROXY directly', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = 'localhost,127.0.0.1';
    const before = proxy.requests().length;
    expect((await createAtlasClient({ baseUrl: plain.url, retry: 0 }).listProjects()).totalCount).toBe(2);
    expect(proxy.requests().slice(before)).toEqual([]);
  });

  it('tunnels HTTPS through HTTPS_PROXY and trusts a CA from NODE_EXTRA_CA_CERTS', async () => {
    const before = proxy.requests().length;
    expect(await listInChild(secure.url, { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: tls.certFile })).toBe('2');
    expect(proxy.requests().slice(before)).toEqual([`CONNECT 127.0.0.1:${new URL(secure.url).port} HTTP/1.1`]);
  });

  it('refuses the self-signed upstream without that CA', async () => {
    await expect(listInChild(secure.url, { HTTPS_PROXY: proxy.url })).rejects.toThrow(/self[- ]signed certificate/i);
  });
});
