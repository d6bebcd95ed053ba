/**
 * The browser half of tools/bench/tui: the newest checkpoint on screen, and keypress → next frame,
 * at a given list size. Imports Ink, React and the browser lazily, so index.ts can choose React's
 * build (NODE_ENV) first.
 */
import { generateFixtures } from '@atlas-checkpoints/testkit';
import type { AtlasReader } from '@atlas-checkpoints/tui';
import type * as Tui from '@atlas-checkpoints/tui';

/** What one run at one list size measured (times in ms). */
export interface BrowserFigures {
  readonly count: number;
  /** From render() to the frame with the newest checkpoint under the cursor (in-memory reader). */
  readonly firstFrameMs: number;
  readonly keys: number;
  /** Wall time from writing the key to stdin to the frame that shows its result. */
  readonly wall: { readonly median: number; readonly p95: number };
  /** CPU time of the process (all threads: JS, GC) over the same interval: less sensitive to other load. */
  readonly cpu: { readonly median: number; readonly p95: number };
  readonly loaded: string;
}

const PAGE_DOWN = '\u001B[6~';
/** Rows of a list on ink-testing-library's 24-row screen (the browser's chrome takes 6). */
const LIST_HEIGHT = 24 - 6;
const FRAME_TIMEOUT_MS = 10_000;

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
};

const unread = (): Promise<never> => Promise.reject(new Error('bench: the browser reads only the checkpoints list here'));

function fixtureReader(count: number): { reader: AtlasReader; ids: string[] } {
  const fixtures = generateFixtures({ seed: 42, projects: 1, clustersPerProject: 1, checkpointsPerCluster: count });
  const project = fixtures.projects[0]!;
  // legacy checkpoints exist only for sharded clusters
  const cluster = project.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!;
  const page = <T>(all: readonly T[], pageNum = 1, size = 100) => ({
    results: all.slice((pageNum - 1) * size, pageNum * size),
    totalCount: all.length,
  });
  const reader: AtlasReader = {
    baseUrl: 'memory',
    listProjects: async (p) => page([project.group], p.pageNum, p.itemsPerPage),
    listClusters: async (p) => page([cluster.cluster], p.pageNum, p.itemsPerPage),
    listClusterBackupCheckpoints: async (p) => page(cluster.checkpoints, p.pageNum, p.itemsPerPage),
    getClusterBackupCheckpoint: async () => cluster.checkpoints[0]!,
    // the bench opens the checkpoints list only; the cluster's other views are never read
    listRestorePoints: unread,
    listBackupRestoreJobs: unread,
    listLegacyRestoreJobs: unread,
    getBackupSnapshot: unread,
    getShardedClusterBackupSnapshot: unread,
    getLegacySnapshot: unread,
    getBackupRestoreJob: unread,
    getLegacyRestoreJob: unread,
  };
  return { reader, ids: cluster.checkpoints.map((c) => c.id ?? '') };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Resolves with the first frame written that satisfies `ok`; rejects after a timeout instead of hanging. */
export async function frameWhere(
  frame: () => string | undefined,
  ok: (f: string) => boolean,
  what: string,
  timeoutMs = FRAME_TIMEOUT_MS,
): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const now = frame();
    if (now !== undefined && ok(now)) return now;
    if (performance.now() > deadline)
      throw new Error(`bench: no frame with ${what} within ${timeoutMs} ms; last frame:\n${now ?? ''}`);
    await tick();
  }
}

/**
 * Opens the browser on `count` checkpoints (newest first: the newest under the cursor is the first
 * frame measured), loads them all (`s` sorts by a column, which needs every row; `s` again until API
 * order), then presses `j` (every 20th key PgDn) `warmup + keys` times. Each key is timed to the frame
 * whose cursor row (`›`) shows the checkpoint the key moves to, so a frame drawn for another reason
 * is never counted.
 */
export async function browserBench(count: number, keys: number, warmup: number): Promise<BrowserFigures> {
  // BENCH_TUI: another build of the package to measure instead (an A/B against an older commit).
  const tui = process.env['BENCH_TUI'] ?? '@atlas-checkpoints/tui';
  const [{ render }, { createElement }, { Browser }] = await Promise.all([
    import('ink-testing-library'),
    import('react'),
    import(tui) as Promise<typeof Tui>,
  ]);
  const { reader, ids } = fixtureReader(count);
  const start = performance.now();
  const app = render(
    createElement(Browser, {
      reader,
      source: { label: 'bench', demo: false },
      start: { groupId: 'a'.repeat(24), clusterName: 'Cluster0', view: 'checkpoints' },
    }),
  );
  // newest first: view row r shows checkpoint count - 1 - r
  const at = (row: number) => (f: string) => f.includes(`›${ids[count - 1 - row] ?? ''}`);
  try {
    await frameWhere(app.lastFrame, at(0), 'the newest checkpoint');
    const firstFrameMs = performance.now() - start;
    app.stdin.write('s');
    await frameWhere(app.lastFrame, (f) => f.includes(`loaded ${count.toLocaleString('en-US')} of`), 'every row loaded', 120_000);
    for (let i = 0; i < 6; i++) app.stdin.write('s');
    await frameWhere(app.lastFrame, (f) => f.includes('newest first'), 'API order again');
    app.stdin.write('g');
    await frameWhere(app.lastFrame, (f) => at(0)(f) && !f.includes('loading'), 'the top of the list, idle');
    const wall: number[] = [];
    const cpu: number[] = [];
    let cursor = 0;
    for (let i = 0; i < warmup + keys; i++) {
      const pageDown = i % 20 === 19;
      const target = Math.min(count - 1, cursor + (pageDown ? LIST_HEIGHT : 1));
      if (target === cursor) throw new Error(`bench: ${warmup + keys} keys run past the end of ${count} checkpoints`);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      app.stdin.write(pageDown ? PAGE_DOWN : 'j');
      await frameWhere(app.lastFrame, at(target), `the cursor on row ${target}`);
      const t1 = performance.now();
      const used = process.cpuUsage(cpu0);
      cursor = target;
      if (i < warmup) continue;
      wall.push(t1 - t0);
      cpu.push((used.user + used.system) / 1000);
    }
    const loaded = /loaded [\d,]+ of [\d,]+/.exec(app.lastFrame() ?? '')?.[0] ?? '';
    return {
      count,
      firstFrameMs,
      keys,
      loaded,
      wall: { median: quantile(wall, 0.5), p95: quantile(wall, 0.95) },
      cpu: { median: quantile(cpu, 0.5), p95: quantile(cpu, 0.95) },
    };
  } finally {
    app.unmount();
  }
}
