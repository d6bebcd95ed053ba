/**
 * The process under the garbage soak: a fake Atlas that checks bearer tokens (in-process), and
 * the proxy in front of it in passthrough mode, as deployed (JSON access log at `info` to
 * /dev/null), its store holding 50,000 entries of 500 other partitions (what made each refused
 * token cost a scan of every key). Prints one JSON line (`proxyUrl`, a valid `token`, the hit
 * `paths`, warmed), then answers IPC `{ type: 'stats' }` like the bench target.
 */
import { randomBytes } from 'node:crypto';
import { none } from '@atlas-checkpoints/core';
import { createLogger, createMemoryStore, createProxy, startServer, type CacheEntry } from '@atlas-checkpoints/api';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';

const fixtures = generateFixtures({ seed: 42, projects: 2, clustersPerProject: 2, checkpointsPerCluster: 500 });
const fake = createFakeAtlas({ fixtures, auth: { oauth: [{ clientId: 'soak', clientSecret: 'soak-secret' }] } });
const store = createMemoryStore({ maxBytes: 256 * 1024 * 1024 });
const proxy = createProxy({
  upstreamUrl: fake.baseUrl,
  upstreamAuth: none(),
  upstreamFetch: async (input, init) => fake.fetch(input, init),
  authMode: 'passthrough',
  store,
  policy: { ttlMs: 3_600_000, staleWhileRevalidateMs: 300_000, staleIfErrorMs: 86_400_000, negativeTtlMs: 5_000 },
  logger: createLogger({ level: 'info', file: '/dev/null' }),
});

const project = fixtures.projects[0];
const groupId = project?.group.id ?? '';
const body = JSON.stringify({ id: 'x', pad: 'p'.repeat(800) });
const filler: CacheEntry = { kind: 'doc', storedAt: Date.now(), etag: 'filler', status: 200, body };
for (let p = 0; p < 500; p += 1) {
  const partition = `t${randomBytes(16).toString('hex')}`;
  for (let i = 0; i < 100; i += 1) {
    await store.set(`g/${groupId}/-/${partition}/getGroupClusterBackupCheckpoint/2023-01-01/${i}/page`, filler, 3_600_000);
  }
}

const tokenResponse = await fake.fetch(`${fake.baseUrl}/api/oauth/token`, {
  method: 'POST',
  headers: {
    authorization: `Basic ${Buffer.from('soak:soak-secret').toString('base64')}`,
    'content-type': 'application/x-www-form-urlencoded',
  },
  body: 'grant_type=client_credentials',
});
const token = ((await tokenResponse.json()) as { access_token: string }).access_token;

const server = await startServer(proxy, { port: 0, host: '127.0.0.1' });
const cluster = project?.clusters.find((c) => c.cluster.clusterType === 'SHARDED');
const base = `/api/atlas/v2/groups/${groupId}/clusters/${cluster?.cluster.name}/backupCheckpoints`;
const paths = [`${base}?itemsPerPage=5&pageNum=2`, `${base}?itemsPerPage=20`, `${base}/${cluster?.checkpoints[0]?.id}`];
for (const path of paths) {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`warming ${path}: ${res.status}`);
  await res.arrayBuffer();
}
process.stdout.write(`${JSON.stringify({ proxyUrl: server.url, token, paths })}\n`);

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stats') return;
  const cpu = process.cpuUsage();
  process.send?.({
    rss: process.memoryUsage().rss,
    cpuMicros: cpu.user + cpu.system,
    upstreamCalls: fake.requests().length,
    serverSpanMs: 0,
  });
});
process.on('SIGTERM', () => {
  void server.close(1_000).then(() => process.exit(0));
});
