/**
 * The process under load: a fake Atlas (in-process), the proxy in front of it, and a bare Hono
 * app serving the same precomputed bytes, all on 127.0.0.1. Prints one JSON line with their URLs,
 * then answers IPC messages: `{ type: 'stats' }` → `{ rss, upstreamCalls }`.
 *
 * Arguments: `--ttl <s>` (default 3600), `--latency <ms>` (upstream latency, default 0).
 */
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { none } from '@atlas-checkpoints/core';
import { createMemoryStore, createProxy, startServer } from '@atlas-checkpoints/api';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ttl = arg('--ttl', 3600);
const latency = arg('--latency', 0);

const fixtures = generateFixtures({ seed: 42, projects: 2, clustersPerProject: 2, checkpointsPerCluster: 2_000 });
const fake = createFakeAtlas({ fixtures, ...(latency > 0 ? { latencyMs: latency } : {}) });
const proxy = createProxy({
  upstreamUrl: fake.baseUrl,
  upstreamAuth: none(),
  upstreamFetch: async (input, init) => fake.fetch(input, init),
  authMode: 'proxy',
  store: createMemoryStore({ maxBytes: 256 * 1024 * 1024 }),
  policy: { ttlMs: ttl * 1000, staleWhileRevalidateMs: 300_000, staleIfErrorMs: 86_400_000, negativeTtlMs: 5_000 },
});
const proxyServer = await startServer(proxy.fetch, { port: 0, host: '127.0.0.1' });

const project = fixtures.projects[0];
const cluster = project?.clusters[0];
const path = `/api/atlas/v2/groups/${project?.group.id}/clusters/${cluster?.cluster.name}/backupCheckpoints?itemsPerPage=100&pageNum=2`;
const warm = await fetch(`${proxyServer.url}${path}`);
const identity = Buffer.from(await warm.arrayBuffer());
const etag = warm.headers.get('etag') ?? '';
const gzip = gzipSync(identity);

// The bare app: the same bytes and headers from a precomputed buffer, nothing else.
const bare = new Hono();
bare.get('/api/*', (c) => {
  const gz = (c.req.header('accept-encoding') ?? '').includes('gzip');
  return c.body(gz ? gzip : identity, 200, {
    'content-type': 'application/vnd.atlas.2023-01-01+json;charset=utf-8',
    etag,
    vary: 'Accept-Encoding',
    ...(gz ? { 'content-encoding': 'gzip' } : {}),
  });
});
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => bareServer.once('listening', resolve));
const barePort = (bareServer.address() as AddressInfo).port;

const clusters = fixtures.projects.flatMap((p) => p.clusters.map((c) => ({ groupId: p.group.id, name: c.cluster.name, ids: c.checkpoints.slice(0, 20).map((k) => k.id) })));
process.stdout.write(
  `${JSON.stringify({ proxyUrl: proxyServer.url, bareUrl: `http://127.0.0.1:${barePort}`, path, etag, bytes: identity.byteLength, gzipBytes: gzip.byteLength, clusters })}\n`,
);

process.on('message', (message: { type?: string }) => {
  if (message.type === 'stats') process.send?.({ rss: process.memoryUsage().rss, upstreamCalls: fake.requests().length });
});
process.on('SIGTERM', () => {
  void proxyServer.close(1_000).then(() => process.exit(0));
  bareServer.close();
});
