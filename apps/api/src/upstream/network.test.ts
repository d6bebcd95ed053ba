import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { none } from '@atlas-checkpoints/core';
import {
  createFakeAtlas,
  createSelfSignedCertificate,
  generateFixtures,
  startForwardProxy,
  type ForwardProxy,
  type RunningServer,
  type SelfSignedCertificate,
} from '@atlas-checkpoints/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxy } from '../app/create-proxy.js';
import type { ProxyOptions } from '../app/options.js';
import { createMemoryStore } from '../cache/memory-store.js';
import { POLICY } from '../test-helpers/setup.js';

const fake = createFakeAtlas({
  fixtures: generateFixtures({ seed: 4, projects: 2, clustersPerProject: 1, checkpointsPerCluster: 2 }),
});
let forwardProxy: ForwardProxy;
let tls: SelfSignedCertificate;
let secure: RunningServer;
let plain: RunningServer;

beforeAll(async () => {
  [forwardProxy, tls, plain] = await Promise.all([startForwardProxy(), createSelfSignedCertificate(), fake.listen({ port: 0 })]);
  secure = await fake.listen({ port: 0, tls });
});
afterAll(async () => {
  await Promise.all([forwardProxy.close(), secure.close(), plain.close()]);
  tls.remove();
});

const portOf = (url: string) => new URL(url).port;
const connectsTo = (url: string) =>
  forwardProxy.requests().filter((line) => line.startsWith(`CONNECT 127.0.0.1:${portOf(url)} `));

async function projects(options: Partial<ProxyOptions> & { upstreamUrl: string }) {
  const proxy = createProxy({
    upstreamAuth: none(),
    authMode: 'proxy',
    store: createMemoryStore({ maxBytes: 8 * 1024 * 1024 }),
    policy: POLICY,
    upstreamRetries: 0,
    ...options,
  });
  try {
    return await proxy.request('/api/atlas/v2/groups');
  } finally {
    await proxy.close();
  }
}

describe('the upstream agent on a company network', () => {
  it('tunnels to an HTTPS upstream through HTTPS_PROXY, trusting the --upstream-ca certificate', async () => {
    const before = connectsTo(secure.url).length;
    const response = await projects({
      upstreamUrl: secure.url,
      upstreamProxy: { httpsProxy: forwardProxy.url },
      upstreamCa: tls.cert,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { totalCount: number }).totalCount).toBe(2);
    expect(connectsTo(secure.url).length).toBe(before + 1);
  });

  it('refuses the self-signed upstream without that CA (502)', async () => {
    const response = await projects({ upstreamUrl: secure.url, upstreamProxy: { httpsProxy: forwardProxy.url } });
    expect(response.status).toBe(502);
  });

  it('sends plain HTTP through HTTP_PROXY, and goes direct to a NO_PROXY host', async () => {
    const before = forwardProxy.requests().length;
    expect((await projects({ upstreamUrl: plain.url, upstreamProxy: { httpProxy: forwardProxy.url } })).status).toBe(200);
    expect(forwardProxy.requests().length).toBe(before + 1);
    const direct = await projects({
      upstreamUrl: plain.url,
      upstreamProxy: { httpProxy: forwardProxy.url, noProxy: 'localhost,127.0.0.1' },
    });
    expect(direct.status).toBe(200);
    expect(forwardProxy.requests().length).toBe(before + 1);
  });
});

describe('the bin on a company network', () => {
  const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));

  /** Runs the bin with `env` and `args`, GETs `path` from it, stops it; resolves with the status and body. */
  async function throughBin(env: Record<string, string>, args: string[], path: string) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@atlas-checkpoints/source', bin, '--port', '0', '--log-level', 'silent', ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
      });
      const response = await fetch(`${url}${path}`);
      return { status: response.status, body: (await response.json()) as { totalCount?: number } };
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }

  // Passthrough mode needs no upstream credentials; an anonymous request is forwarded as it is.
  const args = ['--auth-mode', 'passthrough', '--drain-delay', '0'];

  it('honours HTTPS_PROXY and NODE_EXTRA_CA_CERTS', async () => {
    const before = connectsTo(secure.url).length;
    const { status, body } = await throughBin(
      { HTTPS_PROXY: forwardProxy.url, NODE_EXTRA_CA_CERTS: tls.certFile },
      ['--upstream', secure.url, ...args],
      '/api/atlas/v2/groups',
    );
    expect(status).toBe(200);
    expect(body.totalCount).toBe(2);
    expect(connectsTo(secure.url).length).toBe(before + 1);
  });

  it('honours --upstream-ca', async () => {
    const { status } = await throughBin(
      {},
      ['--upstream', secure.url, '--upstream-ca', tls.certFile, ...args],
      '/api/atlas/v2/groups',
    );
    expect(status).toBe(200);
  });
});
