/**
 * The process under load: a fake Atlas (in-process), the proxy in front of it, and a bare Hono
 * app serving the same precomputed bytes, all on 127.0.0.1. Prints one JSON line with their URLs,
 * then answers IPC messages: `{ type: 'stats' }` → `{ rss, upstreamCalls }`.
 *
 * Arguments: `--ttl <s>` (default 3600), `--latency <ms>` (upstream latency, default 0).
 */
import { serve } from '@hono/node-server';
import { none } from '@atlas-checkpoints/core';
import { createMemoryStore, createProxy, startServer } from '@atlas-checkpoints/api';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

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
// With an upstream latency (the cold-miss target), the server side of a burst is timed: from the
// first request in to the last response handed to node-server (`span`, reset by `stats`). The
// hit-rate target serves proxy.fetch as it is, so no wrapper sits on the measured hot path.
let firstIn: number | undefined;
let lastOut = 0;
const timed = async (request: Request) => {
  firstIn ??= performance.now();
  const response = await proxy.fetch(request);
  lastOut = performance.now();
  return response;
};
const proxyServer = await startServer(latency > 0 ? timed : proxy.fetch, { port: 0, host: '127.0.0.1' });

const project = fixtures.projects[0];
// legacy checkpoints exist only for sharded clusters
const cluster = project?.clusters.find((c) => c.cluster.clusterType === 'SHARDED');
const path = `/api/atlas/v2/groups/${project?.group.id}/clusters/${cluster?.cluster.name}/backupCheckpoints?itemsPerPage=100&pageNum=2`;
// The proxy's own bytes and headers (undici.request does not decompress), so both servers send
// the same body bytes and the same header names with values of the same length.
const fetchRaw = async (headers: Record<string, string>) => {
  const res = await request(`${proxyServer.url}${path}`, { headers });
  return { bytes: Buffer.from(await res.body.arrayBuffer()), headers: res.headers };
};
const warm = await fetchRaw({});
const warmGzip = await fetchRaw({ 'accept-encoding': 'gzip' });
const identity = warm.bytes;
const gzip = warmGzip.bytes;
const etag = String(warm.headers.etag ?? '');
const cacheStatus = String(warmGzip.headers['cache-status'] ?? '');
const versionHeaders: Record<string, string> = {};
for (const name of ['content-type', 'deprecation', 'sunset', 'vary'] as const) {
  const value = warmGzip.headers[name];
  if (typeof value === 'string') versionHeaders[name] = value;
}
if (warmGzip.headers['content-encoding'] !== 'gzip') throw new Error('the proxy did not answer gzip');

// The bare app: precomputed bytes and the proxy's header set (content-type, deprecation, etag,
// age, cache-status, vary, content-encoding), built the fastest way Hono on node-server allows (a
// fresh plain header object and a Uint8Array body: no Headers object, no middleware).
const bare = new Hono();
bare.get('/api/*', (c) => {
  const gz = (c.req.header('accept-encoding') ?? '').includes('gzip');
  const headers: Record<string, string> = {
    ...versionHeaders,
    etag,
    age: '0',
    'cache-status': cacheStatus,
  };
  if (gz) headers['content-encoding'] = 'gzip';
  return new Response(gz ? gzip : identity, { status: 200, headers });
});
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => bareServer.once('listening', resolve));
const barePort = (bareServer.address() as AddressInfo).port;

const clusters = fixtures.projects.flatMap((p) =>
  p.clusters.map((c) => ({ groupId: p.group.id, name: c.cluster.name, ids: c.checkpoints.slice(0, 20).map((k) => k.id) })),
);
process.stdout.write(
  `${JSON.stringify({ proxyUrl: proxyServer.url, bareUrl: `http://127.0.0.1:${barePort}`, path, etag, bytes: identity.byteLength, gzipBytes: gzip.byteLength, clusters })}\n`,
);

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stats') return;
  process.send?.({
    rss: process.memoryUsage().rss,
    upstreamCalls: fake.requests().length,
    serverSpanMs: firstIn === undefined ? 0 : lastOut - firstIn,
  });
  firstIn = undefined;
});
process.on('SIGTERM', () => {
  void proxyServer.close(1_000).then(() => process.exit(0));
  bareServer.close();
});
