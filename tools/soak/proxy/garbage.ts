/**
 * Garbage soak (not part of `npm test`): valid hits under a flood of made-up bearer tokens, each
 * request with a token and a `Host` never seen before, against the proxy in passthrough mode with
 * 50,000 entries of other partitions in its store. Two phases of equal length on 127.0.0.1: the
 * valid load alone (clean), then the same valid load beside the garbage (attack). Prints the
 * valid hits' median latency in each and their ratio (must be at most 2; non-zero exit
 * otherwise), the garbage answered (all 401), and the upstream calls it cost.
 *
 * Usage: npx tsx --conditions=@atlas-checkpoints/source tools/soak/proxy/garbage.ts [seconds=60] [garbage req/s=100] [valid req/s=500]
 */
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Pool } from 'undici';
import { buildPackages, spawnTarget } from '../../bench/proxy/spawn-target.js';

const seconds = Number(process.argv[2] ?? 60);
const garbageRate = Number(process.argv[3] ?? 100);
const validRate = Number(process.argv[4] ?? 500);
const phaseMs = Math.max(1, Math.round(seconds / 2)) * 1000;

/**
 * Valid hits at a steady `rate` (open loop: each request is sent on its schedule, whether or not
 * earlier ones were answered) for `ms`; latencies in ms from the scheduled send to the last body
 * byte, with sub-millisecond precision.
 */
async function paced(origin: string, paths: string[], headers: Record<string, string>, rate: number, ms: number) {
  const pool = new Pool(origin, { connections: 16, pipelining: 1 });
  const latencies: number[] = [];
  let failures = 0;
  const pending: Array<Promise<void>> = [];
  const start = performance.now();
  let sent = 0;
  try {
    while (performance.now() - start < ms) {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      for (; sent < due; sent += 1) {
        const scheduled = start + (sent / rate) * 1000;
        const path = paths[sent % paths.length] ?? '/';
        pending.push(
          pool.request({ origin, path, method: 'GET', headers }).then(
            async (res) => {
              await res.body.dump();
              if (res.statusCode === 200) latencies.push(performance.now() - scheduled);
              else failures += 1;
            },
            () => {
              failures += 1;
            },
          ),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(pending);
  } finally {
    await pool.close();
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { count: latencies.length, failures, p50: at(0.5), p99: at(0.99) };
}

buildPackages();
const target = await spawnTarget<{ proxyUrl: string; token: string; paths: string[] }>(
  [],
  0,
  fileURLToPath(new URL('./garbage-target.ts', import.meta.url)),
);
try {
  const { proxyUrl, token, paths } = target.info;
  const valid = () => paced(proxyUrl, paths, { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' }, validRate, phaseMs);
  let n = 0;
  const garbage = () =>
    autocannon({
      url: proxyUrl,
      connections: 16,
      duration: phaseMs / 1000,
      overallRate: garbageRate,
      requests: [
        {
          setupRequest: (request) => {
            n += 1;
            const headers = { ...request.headers, authorization: `Bearer garbage-${n}-${Math.random()}`, host: `h${n}.example` };
            return { ...request, path: paths[n % paths.length] ?? '/', headers };
          },
        },
      ],
    });

  const start = await target.stats();
  const clean = await valid();
  const before = await target.stats();
  const [attacked, flood] = await Promise.all([valid(), garbage()]);
  const after = await target.stats();
  const ratio = attacked.p50 / clean.p50;
  const ms = (value: number) => value.toFixed(2);
  console.log(
    `garbage soak: ${phaseMs / 1000}s clean, then ${phaseMs / 1000}s with garbage at ${garbageRate} req/s (a new token and Host each); valid hits at ${validRate} req/s`,
  );
  console.log(`valid hits, clean:  ${clean.count} answered, p50 ${ms(clean.p50)} ms, p99 ${ms(clean.p99)} ms`);
  console.log(`valid hits, attack: ${attacked.count} answered, p50 ${ms(attacked.p50)} ms, p99 ${ms(attacked.p99)} ms`);
  console.log(
    `garbage: ${flood.requests.total} sent, ${flood['4xx'] ?? 0} answered 4xx, ${flood.errors + flood.timeouts} errors; upstream calls ${after.upstreamCalls - before.upstreamCalls}`,
  );
  const cpu = (from: { cpuMicros: number }, to: { cpuMicros: number }) =>
    `${((to.cpuMicros - from.cpuMicros) / 10 / phaseMs).toFixed(0)}%`;
  console.log(`proxy CPU: clean ${cpu(start, before)}, attack ${cpu(before, after)} of one core`);
  console.log(`RSS end ${(after.rss / 1048576).toFixed(1)} MiB`);
  console.log(`ratio (attack p50 / clean p50): ${ratio.toFixed(2)} (must be <= 2)`);
  if (!(ratio <= 2) || clean.failures + attacked.failures > 0) process.exitCode = 1;
} finally {
  await target.stop();
}
