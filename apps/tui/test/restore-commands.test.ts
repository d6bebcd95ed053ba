import { existsSync } from 'node:fs';
import { createFakeAtlas, generateDemoFixtures } from '@atlas-checkpoints/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runBin } from './bin-helpers.js';

// The demo project's four clusters (sharded on legacy backup, a replica set and a sharded cluster on
// Cloud Backup, restores in progress), served by a fake Atlas on a real port with API-key auth.
const fixtures = generateDemoFixtures({ seed: 9, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 150 });
const demo = fixtures.projects[0]!;
const groupId = demo.group.id;
const cluster = (name: string) => demo.clusters.find((c) => c.cluster.name === name)!;
const fake = createFakeAtlas({ fixtures });
let atlas: Awaited<ReturnType<typeof fake.listen>> | undefined;

const KEYS = { MONGODB_ATLAS_PUBLIC_API_KEY: 'abcdefgh', MONGODB_ATLAS_PRIVATE_API_KEY: '00000000-0000-0000-0000-000000000000' };
const bin = (...args: string[]) => runBin([...args, '--baseUrl', atlas!.url, '--groupId', groupId], KEYS);

type Item = { kind: string; id: string; time: string; document: Record<string, unknown> };
const itemsOf = (stdout: string) => (JSON.parse(stdout) as { results: Item[]; totalCount: number }).results;
const ndjson = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Item);
const newestFirst = (items: readonly Item[]) => items.every((item, i) => i === 0 || items[i - 1]!.time >= item.time);

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npx tsc -b tsconfig.lib.json" first`);
  atlas = await fake.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await atlas?.close();
});

describe('snapshots: a cluster restore points, newest first', () => {
  it('merges the checkpoints and legacy snapshots of a sharded cluster on legacy backup (-o json --all)', async () => {
    const { code, stdout } = await bin('snapshots', '--clusterName', 'sharded-legacy', '--all', '-o', 'json');
    expect(code).toBe(0);
    const items = itemsOf(stdout);
    expect(newestFirst(items)).toBe(true);
    expect(new Set(items.map((item) => item.kind))).toEqual(new Set(['checkpoint', 'legacySnapshot']));
    expect(items.filter((item) => item.kind === 'checkpoint')).toHaveLength(cluster('sharded-legacy').checkpoints.length);
  });

  it('prints the newest 100 by default, and a table says what it left out', async () => {
    const json = await bin('snapshots', '--clusterName', 'sharded-legacy', '-o', 'json');
    expect(itemsOf(json.stdout)).toHaveLength(100);
    const table = await bin('snapshots', '--clusterName', 'sharded-legacy');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^TIME\s+KIND\s+STATUS\s+SIZE \/ PARTS\s+EXPIRES/);
    expect(table.stdout).toMatch(/checkpoint\s+(not )?restorable\s+\d+: \d+ shards \+ config/);
    expect(table.stderr).toMatch(/^100 of \d+ — use --all$/m);
  });

  it('--kind picks one kind; a replica set on Cloud Backup has its snapshots (-o ndjson, -o csv)', async () => {
    const legacy = await bin('snapshots', '--clusterName', 'sharded-legacy', '--kind', 'legacySnapshot', '--all', '-o', 'ndjson');
    const lines = ndjson(legacy.stdout);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((item) => item.kind === 'legacySnapshot')).toBe(true);
    const csv = await bin('snapshots', '--clusterName', 'replica-cloud', '-o', 'csv');
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('time,kind,status,size,expires,id');
    expect(rows.slice(1)).toHaveLength(cluster('replica-cloud').snapshots.length);
    expect(rows.slice(1).every((row) => row.split(',')[1] === 'snapshot')).toBe(true);
  });

  it('a sharded cluster on Cloud Backup has sharded-cluster snapshots with a member per shard plus the config server', async () => {
    const { stdout } = await bin('snapshots', '--clusterName', 'sharded-cloud', '--all', '-o', 'json');
    const items = itemsOf(stdout);
    expect(items).toHaveLength(cluster('sharded-cloud').shardedSnapshots.length);
    expect(items.every((item) => item.kind === 'shardedSnapshot' && Array.isArray(item.document['members']))).toBe(true);
  });

  it('needs --clusterName (exit 2)', async () => {
    const { code, stderr } = await bin('snapshots');
    expect(code).toBe(2);
    expect(stderr).toContain('--clusterName');
  });
});

describe('restores: a cluster restore jobs with status and progress', () => {
  it('lists Cloud Backup jobs newest first, --running only those still running (-o json, -o csv)', async () => {
    const all = itemsOf((await bin('restores', '--clusterName', 'restoring', '-o', 'json')).stdout);
    expect(all).toHaveLength(cluster('restoring').restoreJobs.length);
    expect(newestFirst(all)).toBe(true);
    expect(all.every((job) => job.kind === 'cloudRestoreJob')).toBe(true);
    const running = itemsOf((await bin('restores', '--clusterName', 'restoring', '--running', '-o', 'json')).stdout);
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((job) => job.document['finishedAt'] === undefined && job.document['failed'] !== true)).toBe(true);
    const csv = await bin('restores', '--clusterName', 'restoring', '-o', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('time,backup,status,progress,delivery,target,snapshotId,id');
  });

  it('lists legacy jobs with their delivery status as progress (table)', async () => {
    const { code, stdout } = await bin('restores', '--clusterName', 'sharded-legacy');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^REQUESTED\s+BACKUP\s+STATUS\s+PROGRESS\s+DELIVERY/);
    expect(stdout).toMatch(/legacy\s+● IN_PROGRESS\s+(NOT_STARTED|PENDING|IN_PROGRESS)/);
    expect(stdout).toMatch(/legacy\s+FINISHED\s+READY/);
  });
});

describe('latest --kind', () => {
  it('snapshot --restorable: the newest completed Cloud Backup snapshot, as Atlas sent it', async () => {
    const { code, stdout } = await bin(
      'latest',
      '--clusterName',
      'sharded-cloud',
      '--kind',
      'snapshot',
      '--restorable',
      '-o',
      'json',
    );
    expect(code).toBe(0);
    const completed = cluster('sharded-cloud').shardedSnapshots.filter((s) => s.status === 'completed');
    const newest = completed.reduce((a, b) => ((a.createdAt ?? '') >= (b.createdAt ?? '') ? a : b));
    expect((JSON.parse(stdout) as { id: string }).id).toBe(newest.id);
  });

  it('checkpoint stays the default; a kind the cluster does not have exits 1 saying so', async () => {
    const checkpoint = await bin('latest', '--clusterName', 'sharded-legacy', '-o', 'json');
    expect(checkpoint.code).toBe(0);
    expect((JSON.parse(checkpoint.stdout) as { id: string }).id).toBe(cluster('sharded-legacy').checkpoints.at(-1)?.id);
    const none = await bin('latest', '--clusterName', 'replica-cloud', '--kind', 'legacySnapshot');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('has no restore point of kind legacySnapshot');
    const bad = await bin('latest', '--clusterName', 'replica-cloud', '--kind', 'nope');
    expect(bad.code).toBe(2);
  });
});

describe('demo mode', () => {
  it('snapshots and restores --demo read the embedded demo project, saying DEMO on stderr', async () => {
    const snapshots = await runBin(['snapshots', '--demo', '--clusterName', 'sharded-legacy', '-o', 'json']);
    expect(snapshots.code).toBe(0);
    expect(itemsOf(snapshots.stdout).length).toBeGreaterThan(0);
    const restores = await runBin(['restores', '--demo', '--clusterName', 'restoring', '--running', '-o', 'ndjson']);
    expect(restores.code).toBe(0);
    expect(ndjson(restores.stdout).length).toBeGreaterThan(0);
    expect(
      restores.stderr
        .split('\n')
        .filter((line) => line !== '')
        .every((line) => line.startsWith('DEMO')),
    ).toBe(true);
  });
});
