/**
 * tools/bench/tui: the browser at 100,000 checkpoints and the CLI's cold start.
 *
 * - first frame: from render() to the first frame that shows the first checkpoint rows
 *   (data already in memory: an in-memory reader serving 500-row pages);
 * - keypress: median time from writing `j` (or PgDn) to stdin until the next frame is rendered
 *   (ink-testing-library's 100-column stdout, 24 rows),
 *   while the cursor walks a loaded 100,000-checkpoint list;
 * - cold `--help`: the built bin vs `node -e 0`, medians of N runs in the same process.
 *
 * Run from the repo root against the built packages (what users run):
 *   npx tsc -b apps/tui/tsconfig.lib.json && npx tsx tools/bench/tui/index.ts
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateFixtures } from '@atlas-checkpoints/testkit';
import { Browser, type AtlasReader } from '@atlas-checkpoints/tui';
import { render } from 'ink-testing-library';
import { createElement } from 'react';

const COUNT = Number(process.env['BENCH_CHECKPOINTS'] ?? 100_000);
const KEYPRESSES = Number(process.env['BENCH_KEYPRESSES'] ?? 400);
const COLD_RUNS = Number(process.env['BENCH_COLD_RUNS'] ?? 15);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function memoryReader(): AtlasReader {
  const fixtures = generateFixtures({ seed: 42, projects: 1, clustersPerProject: 1, checkpointsPerCluster: COUNT });
  const project = fixtures.projects[0]!;
  const cluster = project.clusters[0]!;
  const page = <T>(all: readonly T[], pageNum = 1, size = 100) => ({ results: all.slice((pageNum - 1) * size, pageNum * size), totalCount: all.length });
  return {
    baseUrl: 'memory',
    listProjects: async (p) => page([project.group], p.pageNum, p.itemsPerPage),
    listClusters: async (p) => page([cluster.cluster], p.pageNum, p.itemsPerPage),
    listClusterBackupCheckpoints: async (p) => page(cluster.checkpoints, p.pageNum, p.itemsPerPage),
    getClusterBackupCheckpoint: async () => cluster.checkpoints[0]!,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Resolves once the rendered frame differs from `before` and satisfies `ok`. */
async function frameAfter(frame: () => string | undefined, before: string | undefined, ok: (f: string) => boolean = () => true): Promise<string> {
  for (;;) {
    const now = frame();
    if (now !== undefined && now !== before && ok(now)) return now;
    await tick();
  }
}

async function browserBench(): Promise<{ firstFrameMs: number; keypressMedianMs: number; keypressP95Ms: number; loaded: string }> {
  const reader = memoryReader();
  const first = await reader.listClusterBackupCheckpoints({ groupId: 'x', clusterName: 'y', pageNum: 1, itemsPerPage: 1 });
  const firstId = first.results[0]?.id ?? '';
  const start = performance.now();
  const app = render(createElement(Browser, { reader, source: { label: 'bench', demo: false }, start: { groupId: 'a'.repeat(24), clusterName: 'Cluster0' } }));
  await frameAfter(app.lastFrame, undefined, (f) => f.includes(firstId));
  const firstFrameMs = performance.now() - start;
  const all = `loaded ${COUNT.toLocaleString('en-US')} of`;
  while (!(app.lastFrame() ?? '').includes(all)) {
    const before = app.lastFrame();
    app.stdin.write('G');
    await frameAfter(app.lastFrame, before);
  }
  const top = app.lastFrame();
  app.stdin.write('g');
  await frameAfter(app.lastFrame, top);
  const times: number[] = [];
  for (let i = 0; i < KEYPRESSES; i++) {
    const before = app.lastFrame();
    const t = performance.now();
    app.stdin.write(i % 20 === 19 ? '\u001B[6~' : 'j');
    await frameAfter(app.lastFrame, before);
    times.push(performance.now() - t);
  }
  const loaded = /loaded [\d,]+ of [\d,]+/.exec(app.lastFrame() ?? '')?.[0] ?? '';
  app.unmount();
  const sorted = [...times].sort((a, b) => a - b);
  return { firstFrameMs, keypressMedianMs: median(times), keypressP95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN, loaded };
}

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

const browser = await browserBench();
const cold = coldStart();
const fmt = (n: number): string => n.toFixed(1);
console.log(`checkpoints: ${COUNT.toLocaleString('en-US')} (${browser.loaded})`);
console.log(`first frame: ${fmt(browser.firstFrameMs)} ms (target <= 500)`);
console.log(`keypress render: median ${fmt(browser.keypressMedianMs)} ms, p95 ${fmt(browser.keypressP95Ms)} ms over ${KEYPRESSES} keys (target median <= 16)`);
console.log(`cold --help: ${fmt(cold.helpMs)} ms vs node -e 0: ${fmt(cold.nodeMs)} ms = ${cold.ratio.toFixed(2)}x (target <= 4x)`);
