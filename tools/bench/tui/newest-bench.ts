/**
 * tools/bench/tui: from opening a cluster of `count` checkpoints to the newest one on screen, against
 * the in-process fake Atlas (testkit's `createFakeAtlas`, its `fetch` injected into core's client: HTTP
 * semantics, JSON, validation, no socket), and the baseline in the same run: walking every page with
 * core's `paginate` to reach the newest (what the browser did before it read the last page first).
 */
import { createAtlasClient, paginate } from '@atlas-checkpoints/core';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import type * as Tui from '@atlas-checkpoints/tui';
import { frameWhere } from './browser-bench.js';

/** What one run measured (ms). */
export interface NewestFigures {
  readonly count: number;
  /** Medians over `runs` opens: render() to the frame with the newest checkpoint under the cursor. */
  readonly newestOnScreenMs: number;
  /** Median of `runs` walks of every page (500 per page) to the newest checkpoint. */
  readonly walkAllMs: number;
  readonly requests: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Opens the browser on a 100,000-checkpoint cluster `runs` times (a new client and browser each
 * time), timing the newest checkpoint on screen; then walks every page as the baseline.
 */
export async function newestBench(count: number, runs: number): Promise<NewestFigures> {
  const tui = process.env['BENCH_TUI'] ?? '@atlas-checkpoints/tui';
  const [{ render }, { createElement }, { Browser }] = await Promise.all([
    import('ink-testing-library'),
    import('react'),
    import(tui) as Promise<typeof Tui>,
  ]);
  const fixtures = generateFixtures({ seed: 42, projects: 1, clustersPerProject: 1, checkpointsPerCluster: count });
  const project = fixtures.projects[0]!;
  const cluster = project.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!;
  const newest = cluster.checkpoints.at(-1)?.id ?? '';
  const params = { groupId: project.group.id, clusterName: cluster.cluster.name ?? 'Cluster0' };
  const at = { ...params, view: 'checkpoints' as const };
  const fake = createFakeAtlas({ fixtures });
  const open: number[] = [];
  let requests = 0;
  for (let run = 0; run < runs; run++) {
    const client = createAtlasClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, onResponse: () => void requests++ });
    requests = 0;
    const start = performance.now();
    const app = render(createElement(Browser, { reader: client, source: { label: 'bench', demo: false }, start: at }));
    try {
      await frameWhere(app.lastFrame, (f) => f.includes(`›${newest}`), 'the newest checkpoint');
      open.push(performance.now() - start);
    } finally {
      app.unmount();
    }
  }
  const walks: number[] = [];
  for (let run = 0; run < runs; run++) {
    const client = createAtlasClient({ baseUrl: fake.baseUrl, fetch: fake.fetch });
    const start = performance.now();
    const all = await paginate(client.listClusterBackupCheckpoints, params, { itemsPerPage: 500 }).toArray({ limit: count });
    if (all.at(-1)?.id !== newest) throw new Error('bench: the walk did not end on the newest checkpoint');
    walks.push(performance.now() - start);
  }
  return { count, newestOnScreenMs: median(open), walkAllMs: median(walks), requests };
}
