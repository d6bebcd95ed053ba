/**
 * Proxy benchmark (not part of `npm test`): a bare Hono app serving precomputed bytes vs the proxy
 * on a cache hit, with and without gzip; 304 revalidations; then a cold-miss burst. Everything
 * binds 127.0.0.1; the servers run in a child process, autocannon in this one.
 *
 * Usage: npx tsx --conditions=@atlas-checkpoints/source tools/bench/proxy/index.ts [seconds=10] [connections=64]
 */
import autocannon from 'autocannon';
import { Agent, request } from 'undici';
import { spawnTarget } from './spawn-target.js';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 64);

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function run(name: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx - (result['3xx'] ?? 0) };
}

const target = await spawnTarget();
const { info } = target;
const rows: Row[] = [];
try {
  console.log(`body ${info.bytes} bytes (gzip ${info.gzipBytes}); ${seconds}s per run at ${connections} connections`);
  // Warm both servers (JIT, connection pools) so the first measure is not penalised.
  await autocannon({ url: `${info.bareUrl}${info.path}`, connections, duration: 2 });
  await autocannon({ url: `${info.proxyUrl}${info.path}`, connections, duration: 2 });
  rows.push(await run('bare identity', `${info.bareUrl}${info.path}`));
  rows.push(await run('proxy hit identity', `${info.proxyUrl}${info.path}`));
  rows.push(await run('bare gzip', `${info.bareUrl}${info.path}`, { 'accept-encoding': 'gzip' }));
  rows.push(await run('proxy hit gzip', `${info.proxyUrl}${info.path}`, { 'accept-encoding': 'gzip' }));
  rows.push(await run('proxy 304', `${info.proxyUrl}${info.path}`, { 'if-none-match': info.etag }));
} finally {
  await target.stop();
}
console.table(rows.map((r) => ({ ...r, rps: Math.round(r.rps) })));
const by = (name: string) => rows.find((r) => r.name === name)?.rps ?? Number.NaN;
console.log(`ratio b/a identity: ${(by('proxy hit identity') / by('bare identity')).toFixed(3)} (target >= 0.85)`);
console.log(`ratio b/a gzip:     ${(by('proxy hit gzip') / by('bare gzip')).toFixed(3)} (target >= 0.85)`);
console.log(`304 vs full hit:    ${(by('proxy 304') / by('proxy hit identity')).toFixed(3)}x (target > 1)`);

// Cold-miss burst: 1,000 concurrent requests for one key, upstream answering after 200 ms.
const cold = await spawnTarget(['--latency', '200']);
try {
  const before = (await cold.stats()).upstreamCalls;
  const cluster = cold.info.clusters[1];
  const url = `${cold.info.proxyUrl}/api/atlas/v2/groups/${cluster?.groupId}/clusters/${cluster?.name}/backupCheckpoints/${cluster?.ids[0]}`;
  const agent = new Agent({ connections: 1_000 });
  const burst = async (target: string) => {
    const latencies = await Promise.all(
      Array.from({ length: 1_000 }, async () => {
        const start = performance.now();
        const res = await request(target, { dispatcher: agent });
        await res.body.arrayBuffer();
        if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
        return performance.now() - start;
      }),
    );
    return latencies.sort((a, b) => a - b);
  };
  // Open the 1,000 connections first (on another key), so the burst measures the miss, not TCP setup.
  await burst(`${cold.info.proxyUrl}/healthz`);
  const latencies = await burst(url);
  const upstream = (await cold.stats()).upstreamCalls - before;
  console.log(`cold-miss burst: 1000 requests, upstream calls ${upstream} (must be 1), p50 ${latencies[499]?.toFixed(1)} ms, p99 ${latencies[989]?.toFixed(1)} ms (target <= 300)`);
  const hits = await burst(url);
  console.log(`same burst on the now-cached key: p50 ${hits[499]?.toFixed(1)} ms, p99 ${hits[989]?.toFixed(1)} ms`);
  await agent.close();
} finally {
  await cold.stop();
}
