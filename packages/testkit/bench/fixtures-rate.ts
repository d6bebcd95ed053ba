/**
 * Measures the fixture generation rate (not a test: no assertion on time).
 * Run: npx tsx --conditions=@atlas-checkpoints/source bench/fixtures-rate.ts
 */
import { generateCheckpoints, generateFixtures } from '../src/index.js';

function measure(label: string, count: number, run: () => number): void {
  const start = process.hrtime.bigint();
  const produced = run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(
    `${label}: ${produced.toLocaleString('en-US')} in ${ms.toFixed(0)} ms = ${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`,
  );
}

const base = {
  groupId: '65920080aaaaaaaaaa000001',
  clusterId: '65920080aaaaaaaaaa000002',
  startAt: Date.UTC(2024, 0, 1),
  intervalMinutes: 15,
};
const configServer = { replicaSetName: 'atlas-abc123-config-0', typeName: 'CONFIG_SERVER_REPLICA_SET' as const };
for (const [label, replicaSets] of [
  ['sharded (2 shards + config)', ['atlas-abc123-shard-0', 'atlas-abc123-shard-1']],
  ['sharded (3 shards + config)', ['atlas-abc123-shard-0', 'atlas-abc123-shard-1', 'atlas-abc123-shard-2']],
] as const) {
  for (const count of [100_000, 1_000_000]) {
    measure(`generateCheckpoints ${label} ${count.toLocaleString('en-US')} (streamed)`, count, () => {
      let n = 0;
      for (const _ of generateCheckpoints({ ...base, replicaSets, configServer, count })) n++;
      return n;
    });
  }
}
measure('generateFixtures 10×5×2,000 (arrays)', 100_000, () => {
  const fixtures = generateFixtures({ seed: 42, projects: 10, clustersPerProject: 5, checkpointsPerCluster: 2000 });
  return fixtures.projects.reduce((n, p) => n + p.clusters.reduce((m, c) => m + c.checkpoints.length, 0), 0);
});
console.log(`heap used after: ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
