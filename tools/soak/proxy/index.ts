/**
 * Proxy soak test (not part of `npm test`): 60 s of mixed load at 64 connections against the
 * proxy (fake Atlas upstream, TTL 5 s so entries expire and refresh during the run): list pages
 * of several sizes, clusters, single checkpoints, projects, 304 revalidations and gzip. Reports
 * errors (must be 0), RSS of the proxy process at start and end, and upstream calls.
 *
 * Usage: npx tsx --conditions=@atlas-checkpoints/source tools/soak/proxy/index.ts [seconds=60] [connections=64]
 */
import autocannon from 'autocannon';
import { buildPackages, spawnTarget } from '../../bench/proxy/spawn-target.js';

const seconds = Number(process.argv[2] ?? 60);
const connections = Number(process.argv[3] ?? 64);

buildPackages();
const target = await spawnTarget(['--ttl', '5']);
try {
  const { info } = target;
  const requests: Array<{ path: string; headers?: Record<string, string> }> = [
    { path: '/api/atlas/v2/groups' },
    { path: info.path, headers: { 'if-none-match': info.etag } },
  ];
  for (const cluster of info.clusters) {
    const base = `/api/atlas/v2/groups/${cluster.groupId}/clusters`;
    requests.push({ path: base });
    for (const size of [10, 100, 500])
      requests.push({ path: `${base}/${cluster.name}/backupCheckpoints?itemsPerPage=${size}&pageNum=${1 + (size % 3)}` });
    requests.push({
      path: `${base}/${cluster.name}/backupCheckpoints?pretty=true&envelope=true`,
      headers: { 'accept-encoding': 'gzip' },
    });
    for (const id of cluster.ids.slice(0, 5)) requests.push({ path: `${base}/${cluster.name}/backupCheckpoints/${id}` });
  }
  const start = await target.stats();
  const result = await autocannon({ url: info.proxyUrl, connections, duration: seconds, requests });
  const end = await target.stats();
  const errors = result.errors + result.timeouts + (result['4xx'] ?? 0) + (result['5xx'] ?? 0);
  console.log(`soak: ${seconds}s, ${connections} connections, ${requests.length} distinct requests`);
  console.log(
    `requests ${result.requests.total}, ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
  );
  console.log(
    `errors ${errors} (must be 0): socket ${result.errors}, timeouts ${result.timeouts}, 4xx ${result['4xx'] ?? 0}, 5xx ${result['5xx'] ?? 0}`,
  );
  console.log(`RSS start ${(start.rss / 1048576).toFixed(1)} MiB, end ${(end.rss / 1048576).toFixed(1)} MiB`);
  console.log(`upstream calls during the run: ${end.upstreamCalls - start.upstreamCalls}`);
  if (errors > 0) process.exitCode = 1;
} finally {
  await target.stop();
}
