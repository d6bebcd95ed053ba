import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { none } from '@atlas-checkpoints/core';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createProxy } from '../app/create-proxy.js';
import { createMemoryStore } from '../cache/memory-store.js';
import { POLICY } from '../test-helpers/setup.js';

const fixtures = generateFixtures({ seed: 9, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 3 });
const groupId = fixtures.projects[0]?.group.id ?? '';
const fake = createFakeAtlas({ fixtures });
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
});

/** A real HTTP server; `seen` records each request's method, URL and Authorization. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) {
  const seen: Array<{ url: string; authorization: string | undefined; acceptEncoding: string | undefined }> = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization, acceptEncoding: req.headers['accept-encoding'] });
    void handler(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Atlas (the fake) behind a server that always encodes its bodies with `encoding`, whatever was asked. */
function encodingUpstream(encoding: string, encode: (body: Buffer) => Buffer) {
  return listen(async (req, res) => {
    const answer = await fake.fetch(new Request(`http://atlas.test${req.url ?? '/'}`));
    const headers = Object.fromEntries(answer.headers);
    delete headers['content-length'];
    res.writeHead(answer.status, { ...headers, 'content-encoding': encoding });
    res.end(encode(Buffer.from(await answer.arrayBuffer())));
  });
}

function proxyTo(upstreamUrl: string, authMode: 'proxy' | 'passthrough' = 'proxy') {
  return createProxy({
    upstreamUrl,
    upstreamAuth: none(),
    authMode,
    store: createMemoryStore({ maxBytes: 8 * 1024 * 1024 }),
    policy: POLICY,
    upstreamRetries: 0,
    upstreamTimeoutMs: 5_000,
  });
}

describe('the upstream transport, like fetch where it matters', () => {
  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
  ] as const)(
    'decodes a %s body upstream sent unasked, for cached and forwarded requests and error bodies',
    async (name, encode) => {
      const upstream = await encodingUpstream(name, encode);
      const cached = proxyTo(upstream.url);
      const list = await cached.request('/api/atlas/v2/groups');
      expect(list.status).toBe(200);
      expect(((await list.json()) as { totalCount: number }).totalCount).toBe(1);
      const missing = await cached.request(`/api/atlas/v2/groups/${'f'.repeat(24)}/clusters`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { errorCode: string }).errorCode).toBe('GROUP_NOT_FOUND');
      const forwarded = await proxyTo(upstream.url, 'passthrough').request(`/api/atlas/v2/groups/${groupId}/clusters`);
      expect(forwarded.status).toBe(200);
      expect(forwarded.headers.get('content-encoding')).toBeNull();
      expect(((await forwarded.json()) as { totalCount: number }).totalCount).toBe(1);
      await cached.close();
    },
  );

  it('answers 502 naming an encoding it cannot decode', async () => {
    const upstream = await encodingUpstream('x-unknown', (body) => body);
    const response = await proxyTo(upstream.url).request('/api/atlas/v2/groups');
    expect(response.status).toBe(502);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'The upstream Atlas API sent a body in an encoding the proxy cannot decode (x-unknown).',
    );
  });

  it('never passes a redirect on, never follows it, and never sends credentials to its origin', async () => {
    const elsewhere = await listen((_req, res) => {
      res.end('{}');
    });
    const redirecting = await listen((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/login?next=/api` });
      res.end();
    });
    for (const [mode, headers] of [
      ['proxy', {}],
      ['passthrough', { authorization: 'Bearer caller-token' }],
      ['passthrough', { authorization: 'Digest username="k", realm="MMS Public API", response="x"' }],
    ] as const) {
      const response = await proxyTo(redirecting.url, mode).request('/api/atlas/v2/groups', { headers });
      expect(response.status).toBe(502);
      expect(response.headers.get('location')).toBeNull();
      expect(((await response.json()) as { detail: string }).detail).toBe(
        `The upstream Atlas API answered 302 with a redirect to ${elsewhere.url}; the proxy does not follow redirects (check --upstream).`,
      );
    }
    expect(redirecting.seen.map((r) => r.authorization)).toEqual([
      undefined,
      'Bearer caller-token',
      expect.stringMatching(/^Digest /),
    ]);
    expect(elsewhere.seen).toEqual([]);
  });

  it('answers 502 for a redirect without a Location', async () => {
    const upstream = await listen((_req, res) => {
      res.writeHead(307);
      res.end();
    });
    const response = await proxyTo(upstream.url).request('/api/atlas/v2/groups');
    expect(response.status).toBe(502);
    expect(((await response.json()) as { detail: string }).detail).toContain('answered 307 without a valid Location');
  });

  it('asks for gzip, deflate or br', async () => {
    const upstream = await encodingUpstream('gzip', gzipSync);
    await proxyTo(upstream.url).request('/api/atlas/v2/groups');
    expect(upstream.seen[0]?.acceptEncoding).toBe('gzip, deflate, br');
  });
});
