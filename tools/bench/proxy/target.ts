/**
 * The process under load: a fake Atlas (in-process), the proxy in front of it, and a bare Hono
 * app serving the same precomputed bytes, all on 127.0.0.1. Prints one JSON line with their URLs,
 * then answers IPC messages: `{ type: 'stats' }` → `{ rss, cpuMicros, upstreamCalls, serverSpanMs }`.
 *
 * The proxy runs as deployed: JSON access log at `info` (written to /dev/null), metrics and request
 * ids on.
 *
 * Arguments: `--ttl <s>` (default 3600), `--latency <ms>` (upstream latency, default 0).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { none } from '@atlas-checkpoints/core';
import { createLogger, createMemoryStore, createProxy, startServer } from '@atlas-checkpoints/api';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { Hono } from 'hono';
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
  logger: createLogger({ level: process.env.ATLAS_BENCH_LOG_LEVEL ?? 'info', file: '/dev/null' }),
});
// With an upstream latency (the cold-miss target), the server side of a burst is timed: from the
// first request in to the last response handed to node-server (`span`, reset by `stats`). The
// hit-rate target serves the proxy as it is, so no wrapper sits on the measured hot path.
let firstIn: number | undefined;
let lastOut = 0;
const timed = async (request: Request, env: unknown) => {
  firstIn ??= performance.now();
  const response = await proxy.fetch(request, env as never);
  lastOut = performance.now();
  return response;
};
// Served as the bin serves it: the hit path on Node's objects first, then the fetch handler.
const proxyServer = await startServer(latency > 0 ? { fetch: timed, nodeHit: proxy.nodeHit } : proxy, {
  port: 0,
  host: '127.0.0.1',
});

const project = fixtures.projects[0];
// legacy checkpoints exist only for sharded clusters
const cluster = project?.clusters.find((c) => c.cluster.clusterType === 'SHARDED');
const base = `/api/atlas/v2/groups/${project?.group.id}/clusters/${cluster?.cluster.name}/backupCheckpoints`;
/** 5 items on a page: about 6 KB; 100 items: about 114 KB. */
const paths = { small: `${base}?itemsPerPage=5&pageNum=2`, large: `${base}?itemsPerPage=100&pageNum=2` };

// The proxy's own bytes and headers (undici.request does not decompress), so both servers send
// the same body bytes and the same header names with values of the same length.
const fetchRaw = async (path: string, headers: Record<string, string>) => {
  const res = await request(`${proxyServer.url}${path}`, { headers });
  return { bytes: Buffer.from(await res.body.arrayBuffer()), headers: res.headers };
};
interface Variant {
  identity: Buffer<ArrayBuffer>;
  gzip: Buffer<ArrayBuffer>;
  /** One strong ETag per encoding, as the proxy sends them. */
  etag: string;
  gzipEtag: string;
  cacheStatus: string;
  /** content-type (naming the version), deprecation, sunset, vary. */
  versionHeaders: Record<string, string>;
}
const variants = new Map<string, Variant>();
for (const path of Object.values(paths)) {
  const warm = await fetchRaw(path, {});
  const warmGzip = await fetchRaw(path, { 'accept-encoding': 'gzip' });
  if (warmGzip.headers['content-encoding'] !== 'gzip') throw new Error('the proxy did not answer gzip');
  const versionHeaders: Record<string, string> = {};
  for (const name of ['content-type', 'deprecation', 'sunset', 'vary'] as const) {
    const value = warmGzip.headers[name];
    if (typeof value === 'string') versionHeaders[name] = value;
  }
  variants.set(path.slice(path.indexOf('?')), {
    identity: warm.bytes,
    gzip: warmGzip.bytes,
    etag: String(warm.headers.etag ?? ''),
    gzipEtag: String(warmGzip.headers.etag ?? ''),
    cacheStatus: String(warmGzip.headers['cache-status'] ?? ''),
    versionHeaders,
  });
}
const requestId = '0'.repeat(36);

// The bare app: precomputed bytes and the proxy's header set (content-type, deprecation, etag,
// age, cache-status, vary, cache-control, content-encoding, x-request-id), built the fastest way Hono on
// node-server allows (a fresh plain header object and a Uint8Array body: no Headers object, no
// middleware).
const bare = new Hono();
bare.get('/api/*', (c) => {
  const url = c.req.url;
  const variant = variants.get(url.slice(url.indexOf('?')));
  if (!variant) return c.notFound();
  const gz = (c.req.header('accept-encoding') ?? '').includes('gzip');
  // Object.assign rather than a spread followed by more properties, which V8 (Node 20) builds
  // through its runtime at about 2.5 µs per object.
  const headers: Record<string, string> = Object.assign(
    {
      etag: gz ? variant.gzipEtag : variant.etag,
      age: '0',
      'cache-status': variant.cacheStatus,
      'cache-control': 'private',
      'x-request-id': requestId,
    },
    variant.versionHeaders,
  );
  if (gz) headers['content-encoding'] = 'gzip';
  return new Response(gz ? variant.gzip : variant.identity, { status: 200, headers });
});
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => bareServer.once('listening', resolve));
const barePort = (bareServer.address() as AddressInfo).port;

const sizes = Object.fromEntries(
  Object.entries(paths).map(([name, path]) => [name, variants.get(path.slice(path.indexOf('?')))?.identity.byteLength ?? 0]),
);
const clusters = fixtures.projects.flatMap((p) =>
  p.clusters.map((c) => ({ groupId: p.group.id, name: c.cluster.name, ids: c.checkpoints.slice(0, 20).map((k) => k.id) })),
);
process.stdout.write(
  `${JSON.stringify({ proxyUrl: proxyServer.url, bareUrl: `http://127.0.0.1:${barePort}`, paths, path: paths.large, sizes, etag: variants.get(paths.large.slice(paths.large.indexOf('?')))?.etag, clusters })}\n`,
);

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stats') return;
  const cpu = process.cpuUsage();
  process.send?.({
    rss: process.memoryUsage().rss,
    cpuMicros: cpu.user + cpu.system,
    upstreamCalls: fake.requests().length,
    serverSpanMs: firstIn === undefined ? 0 : lastOut - firstIn,
  });
  firstIn = undefined;
});
process.on('SIGTERM', () => {
  void proxyServer.close(1_000).then(() => process.exit(0));
  bareServer.close();
});
