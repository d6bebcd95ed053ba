import { createAtlasClient, isAtlasApiError, paginate, type AtlasApiError } from '@atlas-checkpoints/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeAtlas, generateDemoFixtures, RESTORE_STEPS, type RunningServer } from '../../src/index.js';
import { bothTransports, type Transport } from './transports.js';

const fixtures = generateDemoFixtures({ seed: 5, projects: 1, clustersPerProject: 2, checkpointsPerCluster: 700 });
const fake = createFakeAtlas({ fixtures });
const demo = fixtures.projects[0]!;
const groupId = String(demo.group.id);
const entry = (name: string) => demo.clusters.find((c) => c.cluster.name === name)!;
const replica = entry('replica-cloud');
const shardedCloud = entry('sharded-cloud');
const legacy = entry('sharded-legacy');
const restoring = entry('restoring');
const at = (name: string) => ({ groupId, clusterName: name });
const missing = 'f'.repeat(24);
let server: RunningServer;
let transports: Transport[] = [];

beforeAll(async () => {
  ({ server, transports } = await bothTransports(fake));
});
afterAll(() => server.close());

async function apiError(promise: Promise<unknown>): Promise<AtlasApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAtlasApiError(error)) throw new Error(`expected an AtlasApiError, got ${String(error)}`);
  return error;
}

describe.each([0, 1])('core backup methods against the fake (transport %i)', (index) => {
  const client = () => {
    const t = transports[index]!;
    return createAtlasClient({ baseUrl: t.baseUrl, ...(t.fetch ? { fetch: t.fetch } : {}), retry: 0 });
  };

  it('listBackupSnapshots / getBackupSnapshot: a replica set on Cloud Backup, paged', async () => {
    const page = await client().listBackupSnapshots({ ...at('replica-cloud'), itemsPerPage: 5, pageNum: 2 });
    expect(page.results.map((s) => s.id)).toEqual(replica.snapshots.slice(5, 10).map((s) => s.id));
    expect(page.totalCount).toBe(replica.snapshots.length);
    const one = await client().getBackupSnapshot({ ...at('replica-cloud'), snapshotId: replica.snapshots[3]!.id });
    const { links, ...rest } = one;
    expect(rest).toEqual(replica.snapshots[3]);
    expect(links?.[0]?.href?.endsWith(`/backup/snapshots/${replica.snapshots[3]!.id}`)).toBe(true);
    expect((await apiError(client().getBackupSnapshot({ ...at('replica-cloud'), snapshotId: missing }))).errorCode).toBe(
      'SNAPSHOT_NOT_FOUND',
    );
  });

  it('listShardedClusterBackupSnapshots / getShardedClusterBackupSnapshot: members per shard plus config, self links to the single resource', async () => {
    const page = await client().listShardedClusterBackupSnapshots(at('sharded-cloud'));
    expect(page.results.map((s) => s.id)).toEqual(shardedCloud.shardedSnapshots.map((s) => s.id));
    const first = page.results[0]!;
    expect(first.members).toHaveLength(Number(shardedCloud.cluster.numShards) + 1);
    const self = first.links?.[0]?.href ?? '';
    expect(self).toMatch(/\/backup\/snapshots\/shardedCluster\/[a-f0-9]{24}$/);
    const one = await client().getShardedClusterBackupSnapshot({ ...at('sharded-cloud'), snapshotId: first.id });
    expect(one.links?.[0]?.href).toBe(self);
    expect((await client().listBackupSnapshots(at('sharded-cloud'))).results).toEqual([]);
  });

  it('listBackupRestoreJobs / getBackupRestoreJob: jobs of every outcome; a running one finishes as it is polled', async () => {
    const page = await client().listBackupRestoreJobs(at('replica-cloud'));
    expect(page.results.map((j) => j.id)).toEqual(replica.restoreJobs.map((j) => j.id));
    // One running job per transport: both share the fake, and a job read to the end stays finished.
    const running = restoring.restoreJobs.filter((job) => job.finishedAt === undefined && !job.cancelled)[index]!;
    const seen: Array<string | undefined> = [];
    for (let i = 0; i < RESTORE_STEPS + 1; i++) {
      const job = await client().getBackupRestoreJob({ ...at('restoring'), restoreJobId: running.id });
      seen.push(job.finishedAt);
    }
    expect(seen.slice(0, RESTORE_STEPS)).toEqual(Array(RESTORE_STEPS).fill(undefined));
    expect(seen.at(-1)).toMatch(/Z$/);
    expect((await apiError(client().getBackupRestoreJob({ ...at('restoring'), restoreJobId: missing }))).errorCode).toBe(
      'RESTORE_JOB_NOT_FOUND',
    );
  });

  it('getBackupSchedule at 2024-08-05 by default and at 2023-01-01 when asked; a legacy cluster has none', async () => {
    const schedule = await client().getBackupSchedule(at('replica-cloud'));
    expect(schedule.autoCopySettingsEnabled).toBe(false);
    expect(schedule.policies?.[0]?.policyItems?.map((i) => i.frequencyType)).toEqual(['hourly', 'daily']);
    const older = await client().call('getGroupClusterBackupSchedule', at('replica-cloud'), { apiVersion: '2023-01-01' });
    expect('autoCopySettingsEnabled' in older).toBe(false);
    expect((await apiError(client().getBackupSchedule(at('sharded-legacy')))).errorCode).toBe('BACKUP_CONFIG_NOT_FOUND');
  });

  it('listLegacySnapshots honours completed; getLegacySnapshot; getLegacySnapshotSchedule', async () => {
    const complete = await client().listLegacySnapshots(at('sharded-legacy'));
    expect(complete.results).toHaveLength(legacy.legacySnapshots.length - 1);
    const all = await client().listLegacySnapshots({ ...at('sharded-legacy'), completed: 'all' });
    expect(all.results.map((s) => s.id)).toEqual(legacy.legacySnapshots.map((s) => s.id));
    const incomplete = await client().listLegacySnapshots({ ...at('sharded-legacy'), completed: 'false' });
    expect(incomplete.results.map((s) => s.complete)).toEqual([false]);
    const one = await client().getLegacySnapshot({ ...at('sharded-legacy'), snapshotId: legacy.legacySnapshots[0]!.id });
    expect(one.parts).toHaveLength(Number(legacy.cluster.numShards) + 1);
    expect((await client().getLegacySnapshotSchedule(at('sharded-legacy'))).clusterCheckpointIntervalMin).toBe(15);
    expect((await apiError(client().getLegacySnapshotSchedule(at('replica-cloud')))).status).toBe(404);
  });

  it('listLegacyRestoreJobs (and by batchId) / getLegacyRestoreJob', async () => {
    const page = await client().listLegacyRestoreJobs(at('sharded-legacy'));
    expect(page.results).toHaveLength(legacy.legacyRestoreJobs.length);
    const job = legacy.legacyRestoreJobs.find((j) => j.statusName === 'KILLED')!;
    const batch = await client().listLegacyRestoreJobs({ ...at('sharded-legacy'), batchId: String(job.batchId) });
    expect(batch.results.map((j) => j.id)).toEqual([job.id]);
    expect((await client().getLegacyRestoreJob({ ...at('sharded-legacy'), jobId: job.id })).statusName).toBe('KILLED');
  });

  it('every list pages with paginate', async () => {
    const ids = await paginate(
      client().listLegacySnapshots,
      { ...at('sharded-legacy'), completed: 'all' },
      { itemsPerPage: 3 },
    ).toArray({
      limit: 100,
    });
    expect(ids.map((s) => s.id)).toEqual(legacy.legacySnapshots.map((s) => s.id));
    const sharded = await paginate(client().listShardedClusterBackupSnapshots, at('sharded-cloud'), { itemsPerPage: 5 }).toArray({
      limit: 100,
    });
    expect(sharded).toHaveLength(shardedCloud.shardedSnapshots.length);
  });

  it('listRestorePoints: each demo cluster has the points of its type and backup, newest first', async () => {
    const kinds = async (name: string) => {
      const points = await client().listRestorePoints(at(name));
      const times = points.map((p) => Date.parse(String(p.time)));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      return [...new Set(points.map((p) => p.kind))].sort();
    };
    expect(await kinds('replica-cloud')).toEqual(['snapshot']);
    expect(await kinds('sharded-cloud')).toEqual(['shardedSnapshot']);
    expect(await kinds('sharded-legacy')).toEqual(['checkpoint', 'legacySnapshot']);
    const points = await client().listRestorePoints(at('sharded-legacy'));
    expect(points).toHaveLength(700 + legacy.legacySnapshots.length - 1);
    expect(points[0]?.kind).toBe('checkpoint');
  });
});
