/**
 * Proxy benchmark (not part of `npm test`): a bare Hono app serving precomputed bytes vs the proxy
 * on a cache hit, with and without gzip; 304 revalidations; then cold-miss bursts. Everything
 * binds 127.0.0.1; the servers run in a child process, autocannon in this one.
 *
 * The machine is shared, so load from elsewhere comes and goes: the measures run in rounds, each
 * round measuring bare and proxy back to back, and the figures printed are medians over rounds
 * (ratios are per-round ratios, then their median).
 *
 * Usage: npx tsx --conditions=@atlas-checkpoints/source tools/bench/proxy/index.ts [seconds=10] [connections=64] [rounds=3]
 */
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { coldMissBurst } from './burst.js';
import { spawnTarget } from './spawn-target.js';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 64);
const rounds = Number(process.argv[4] ?? 3);

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function run(name: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx - (result['3xx'] ?? 0),
  };
}

console.log(`load average at start: ${load()}`);
const target = await spawnTarget();
const { info } = target;
const bare = `${info.bareUrl}${info.path}`;
const proxy = `${info.proxyUrl}${info.path}`;
const gzip = { 'accept-encoding': 'gzip' };
const perRound: Row[][] = [];
try {
  console.log(
    `body ${info.bytes} bytes (gzip ${info.gzipBytes}); ${seconds}s per measure at ${connections} connections, ${rounds} rounds`,
  );
  // Warm both servers (JIT, connection pools) so the first measure is not penalised.
  for (const [url, headers] of [
    [bare, {}],
    [proxy, {}],
    [bare, gzip],
    [proxy, gzip],
  ] as const) {
    await autocannon({ url, connections, duration: 2, headers });
  }
  for (let round = 0; round < rounds; round += 1) {
    const rows = [
      await run('bare identity', bare),
      await run('proxy hit identity', proxy),
      await run('bare gzip', bare, gzip),
      await run('proxy hit gzip', proxy, gzip),
      await run('proxy 304', proxy, { 'if-none-match': info.etag }),
    ];
    perRound.push(rows);
    const rps = (name: string) => rows.find((r) => r.name === name)?.rps ?? Number.NaN;
    console.log(
      `round ${round + 1}: identity ${(rps('proxy hit identity') / rps('bare identity')).toFixed(3)}, gzip ${(rps('proxy hit gzip') / rps('bare gzip')).toFixed(3)}, 304/hit ${(rps('proxy 304') / rps('proxy hit identity')).toFixed(3)} (load ${load()})`,
    );
  }
} finally {
  await target.stop();
}
const names = perRound[0]?.map((r) => r.name) ?? [];
const pick = (name: string, field: 'rps' | 'p50' | 'p99' | 'errors') =>
  median(perRound.map((rows) => rows.find((r) => r.name === name)?.[field] ?? Number.NaN));
console.table(
  names.map((name) => ({
    name,
    rps: Math.round(pick(name, 'rps')),
    p50: pick(name, 'p50'),
    p99: pick(name, 'p99'),
    errors: pick(name, 'errors'),
  })),
);
const ratio = (b: string, a: string) =>
  median(
    perRound.map(
      (rows) => (rows.find((r) => r.name === b)?.rps ?? Number.NaN) / (rows.find((r) => r.name === a)?.rps ?? Number.NaN),
    ),
  );
console.log(`ratio b/a identity: ${ratio('proxy hit identity', 'bare identity').toFixed(3)} (median of rounds; target >= 0.85)`);
console.log(`ratio b/a gzip:     ${ratio('proxy hit gzip', 'bare gzip').toFixed(3)} (median of rounds; target >= 0.85)`);
console.log(`304 vs full hit:    ${ratio('proxy 304', 'proxy hit identity').toFixed(3)}x (median of rounds; target > 1)`);

// Cold-miss bursts: 1,000 concurrent requests for one key, upstream answering after 200 ms.
const cold = await spawnTarget(['--latency', '200']);
try {
  const bursts = [];
  for (let round = 0; round < rounds; round += 1) {
    const burst = await coldMissBurst(cold, round);
    bursts.push(burst);
    console.log(
      `cold-miss burst ${round + 1}: 1000 requests, upstream calls ${burst.upstreamCalls} (must be 1), p50 ${burst.p50.toFixed(1)} ms, p99 ${burst.p99.toFixed(1)} ms, server side ${burst.serverSpan.toFixed(1)} ms; same burst on the cached key p99 ${burst.hitP99.toFixed(1)} ms (load ${load()})`,
    );
  }
  console.log(
    `cold-miss burst median: upstream calls ${median(bursts.map((b) => b.upstreamCalls))}, p99 ${median(bursts.map((b) => b.p99)).toFixed(1)} ms (target <= 300), server side ${median(bursts.map((b) => b.serverSpan)).toFixed(1)} ms, cached-key p99 ${median(bursts.map((b) => b.hitP99)).toFixed(1)} ms`,
  );
} finally {
  await cold.stop();
}
console.log(`load average at end: ${load()}`);
