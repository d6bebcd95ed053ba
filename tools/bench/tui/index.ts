/**
 * tools/bench/tui: the browser at 100,000 checkpoints (and at 2,000, to show the keypress cost does
 * not grow with the list) and the CLI's cold start.
 *
 * - newest on screen: from opening a 100,000-checkpoint cluster (render()) to the frame with the
 *   newest checkpoint under the cursor, against the in-process fake Atlas through core's client;
 *   baseline in the same run: walking every page with core's paginate to the newest;
 * - first frame: from render() to the first frame that shows the newest checkpoint under the cursor
 *   (data already in memory: an in-memory reader serving 500-row pages);
 * - keypress: median (p95) time from writing `j` (every 20th key PgDn) to stdin until the frame whose
 *   cursor row shows the checkpoint the key moved to (ink-testing-library: 100 columns, 24 rows),
 *   over a fully loaded list, after warm-up keys; wall time and the process's CPU time;
 * - cold `--help`: the built bin vs `node -e 0`, medians of N runs in the same process.
 *
 * React runs its production build, as the bin does (set NODE_ENV=development to measure the other).
 * Run from the repo root against the built packages (what users run):
 *   npx tsc -b apps/tui/tsconfig.lib.json && npx tsx tools/bench/tui/index.ts
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

process.env['NODE_ENV'] ??= 'production';
const { browserBench } = await import('./browser-bench.js');
const { newestBench } = await import('./newest-bench.js');

const COUNT = Number(process.env['BENCH_CHECKPOINTS'] ?? 100_000);
const SMALL = Number(process.env['BENCH_SMALL_CHECKPOINTS'] ?? 2_000);
const KEYPRESSES = Number(process.env['BENCH_KEYPRESSES'] ?? 400);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 50);
const COLD_RUNS = Number(process.env['BENCH_COLD_RUNS'] ?? 15);
const OPEN_RUNS = Number(process.env['BENCH_OPEN_RUNS'] ?? 5);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function coldStart(): { helpMs: number; nodeMs: number; ratio: number } {
  const bin = fileURLToPath(new URL('../../../apps/tui/dist/bin.js', import.meta.url));
  const time = (args: string[]): number => {
    const t = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    return performance.now() - t;
  };
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    bare.push(time(['-e', '0']));
    help.push(time([bin, '--help']));
  }
  const helpMs = median(help);
  const nodeMs = median(bare);
  return { helpMs, nodeMs, ratio: helpMs / nodeMs };
}

const fmt = (n: number): string => n.toFixed(1);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average before: ${load()} · NODE_ENV=${process.env['NODE_ENV']} · node ${process.version}`);
const newest = await newestBench(COUNT, OPEN_RUNS);
console.log(
  `open a ${newest.count.toLocaleString('en-US')}-checkpoint cluster → newest on screen (in-process fake Atlas): median ${fmt(newest.newestOnScreenMs)} ms over ${OPEN_RUNS} opens, ${newest.requests} requests (target <= 500)`,
);
console.log(
  `  baseline, walking every page to the newest: ${fmt(newest.walkAllMs)} ms = ${(newest.walkAllMs / newest.newestOnScreenMs).toFixed(1)}x the newest-first open`,
);
const big = await browserBench(COUNT, KEYPRESSES, WARMUP);
const small = SMALL > 0 ? await browserBench(SMALL, KEYPRESSES, WARMUP) : undefined;
for (const run of [big, small]) {
  if (run === undefined) continue;
  console.log(`checkpoints: ${run.count.toLocaleString('en-US')} (${run.loaded})`);
  console.log(`  newest on screen (in-memory reader): ${fmt(run.firstFrameMs)} ms (target <= 500)`);
  console.log(
    `  keypress → frame: median ${fmt(run.wall.median)} ms, p95 ${fmt(run.wall.p95)} ms over ${run.keys} keys (target median <= 16); CPU median ${fmt(run.cpu.median)} ms, p95 ${fmt(run.cpu.p95)} ms`,
  );
}
if (small !== undefined)
  console.log(
    `keypress median at ${big.count.toLocaleString('en-US')} / at ${small.count.toLocaleString('en-US')}: ${(big.wall.median / small.wall.median).toFixed(2)}x wall, ${(big.cpu.median / small.cpu.median).toFixed(2)}x CPU`,
  );
const cold = coldStart();
console.log(
  `cold --help: ${fmt(cold.helpMs)} ms vs node -e 0: ${fmt(cold.nodeMs)} ms = ${cold.ratio.toFixed(2)}x (target <= 4x)`,
);
console.log(`load average after: ${load()}`);
