import { existsSync } from 'node:fs';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runBin } from './bin-helpers.js';

// What a newer Atlas may send: a part type added after this client was built, and "shardName": null.
const fixtures = generateFixtures({ seed: 11, projects: 1, clustersPerProject: 2, checkpointsPerCluster: 30 });
const project = fixtures.projects[0]!;
const sharded = project.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!;
const target = sharded.checkpoints[4]!;
const parts = target.parts as Array<Record<string, unknown>>;
parts[0] = { ...parts[0], typeName: 'ANALYTICS_SHARD_REPLICA_SET' };
parts[1] = { ...parts[1], shardName: null };
const fake = createFakeAtlas({ fixtures });
let server: { url: string; close(): Promise<void> | void };
let base: string[];

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npx tsc -b tsconfig.lib.json" first`);
  server = await fake.listen({ port: 0, host: '127.0.0.1' });
  base = ['--baseUrl', server.url, '--groupId', project.group.id, '--clusterName', String(sharded.cluster.name)];
});
afterAll(async () => {
  await server?.close();
});

describe('script commands read tolerantly (an unknown enum value, a null in an optional field)', () => {
  it.each(['json', 'ndjson', 'csv', 'table'])('list -o %s exits 0 with every checkpoint', async (format) => {
    const { code, stdout, stderr } = await runBin(['list', ...base, '--itemsPerPage', '10', '-o', format]);
    // only the deprecation line (and, for a table, what it leaves out): no error
    expect(stderr).toBe(
      `Atlas deprecated listGroupClusterBackupCheckpoints (API 2023-01-01)\n${format === 'table' ? '10 of 30 — use --all\n' : ''}`,
    );
    expect(code).toBe(0);
    expect(stdout).toContain(String(target.id));
    if (format === 'json') {
      const page = JSON.parse(stdout) as { results: Array<{ id: string; parts: Array<Record<string, unknown>> }> };
      expect(page.results).toHaveLength(10);
      const printed = page.results.find((checkpoint) => checkpoint.id === target.id);
      expect(printed?.parts[0]?.['typeName']).toBe('ANALYTICS_SHARD_REPLICA_SET');
      expect(printed?.parts[1]).not.toHaveProperty('shardName');
    }
  });

  it('get prints the checkpoint with its unknown part type, exit 0', async () => {
    const { code, stdout } = await runBin(['get', ...base, '--checkpointId', String(target.id), '-o', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: target.id, parts: [{ typeName: 'ANALYTICS_SHARD_REPLICA_SET' }, {}, {}] });
    const table = await runBin(['get', ...base, '--checkpointId', String(target.id)]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('ANALYTICS_SHARD_REPLICA_SET');
  });
});
