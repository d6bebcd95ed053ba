import { expandPath, OPERATION_LIST, type Operation } from '@atlas-checkpoints/core';
import { createSpecValidator, RESTORE_STEPS } from '@atlas-checkpoints/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY, startHarness, type Harness } from '../test-helpers/setup.js';

const spec = createSpecValidator();
const BACKUP = OPERATION_LIST.filter((op) => /\/(backup\/|snapshots|restoreJobs|snapshotSchedule)/.test(op.path));
let h: Harness;

beforeAll(async () => {
  h = await startHarness({}, { checkpointsPerCluster: 40, demo: true });
});
afterAll(async () => {
  await h.close();
});

const demo = () => h.fake.fixtures.projects[0]!;
const entry = (name: string) => demo().clusters.find((c) => c.cluster.name === name)!;
/** Path values where the operation finds a document: the demo cluster on its backup and of its type. */
function pathOf(op: Operation): string {
  const cluster = op.path.includes('/shardedCluster')
    ? entry('sharded-cloud')
    : op.path.includes('/backup/')
      ? entry('replica-cloud')
      : entry('sharded-legacy');
  const snapshot = [...cluster.snapshots, ...cluster.shardedSnapshots, ...cluster.legacySnapshots][0];
  return expandPath(op, {
    groupId: String(demo().group.id),
    clusterName: String(cluster.cluster.name),
    snapshotId: String(snapshot?.id),
    restoreJobId: String(cluster.restoreJobs.find((j) => j.finishedAt)?.id),
    jobId: String(cluster.legacyRestoreJobs.find((j) => j.statusName === 'FINISHED')?.id),
  });
}
const ttlOf = (response: Response) => Number(/ttl=(-?\d+)/.exec(response.headers.get('cache-status') ?? '')?.[1]);

describe('the proxy serves and caches the twelve backup operations from the operation table', () => {
  it('has a route for each, at each version: 200, a body valid for the version, then a hit', async () => {
    expect(BACKUP).toHaveLength(12);
    for (const op of BACKUP) {
      for (const { version } of op.versions) {
        const url = `${h.url}${pathOf(op)}`;
        const headers = { accept: `application/vnd.atlas.${version}+json` };
        const first = await h.fetch(url, { headers });
        expect(first.status, `${op.operationId} ${version}`).toBe(200);
        expect(spec.validate(op.operationId, 200, await first.json(), version).errors, `${op.operationId} ${version}`).toEqual(
          [],
        );
        const again = await h.fetch(`${url}?pretty=true`, { headers });
        expect(again.headers.get('cache-status'), op.operationId).toMatch(/; hit/);
        expect(spec.validate(op.operationId, 200, await again.json(), version).errors).toEqual([]);
      }
    }
  });

  it('validates every body it emits for them: pages, envelope, filters and errors', async () => {
    const groupId = String(demo().group.id);
    const paths: Array<[string, string]> = [
      ['listGroupClusterBackupSnapshots', `/clusters/replica-cloud/backup/snapshots?itemsPerPage=4&pageNum=2`],
      ['listGroupClusterBackupSnapshotShardedClusters', `/clusters/sharded-cloud/backup/snapshots/shardedClusters`],
      ['listGroupClusterBackupRestoreJobs', `/clusters/restoring/backup/restoreJobs?includeCount=false`],
      ['listGroupClusterSnapshots', `/clusters/sharded-legacy/snapshots?completed=all&itemsPerPage=3`],
      ['listGroupClusterRestoreJobs', `/clusters/sharded-legacy/restoreJobs?pageNum=2&itemsPerPage=5`],
      ['getGroupClusterBackupSnapshot', `/clusters/replica-cloud/backup/snapshots/${'e'.repeat(24)}`],
      ['getGroupClusterBackupSchedule', `/clusters/sharded-legacy/backup/schedule`],
      ['getGroupClusterRestoreJob', `/clusters/sharded-legacy/restoreJobs/not-an-id`],
      ['listGroupClusterSnapshots', `/clusters/sharded-legacy/snapshots?completed=maybe`],
    ];
    const statuses = new Set<number>();
    for (const [operation, path] of paths) {
      const response = await h.fetch(`${h.url}/api/atlas/v2/groups/${groupId}${path}`);
      statuses.add(response.status);
      expect(spec.validate(operation, response.status, await response.json()).errors, path).toEqual([]);
    }
    expect([...statuses].sort()).toEqual([200, 400, 404]);
  });
});

describe('restore jobs: a running one is fresh for --restore-job-ttl, a finished one for --ttl', () => {
  it('caches a running job for 10 s by default and a finished one for the normal TTL, alone or in a list', async () => {
    const restoring = entry('restoring');
    const base = `${h.url}/api/atlas/v2/groups/${String(demo().group.id)}/clusters/restoring/backup/restoreJobs`;
    const running = restoring.restoreJobs.filter((j) => j.finishedAt === undefined && !j.cancelled)[0]!;
    const finished = restoring.restoreJobs.find((j) => j.finishedAt !== undefined)!;
    expect(ttlOf(await h.fetch(`${base}/${running.id}`))).toBe(10);
    expect(ttlOf(await h.fetch(`${base}/${finished.id}`))).toBe(POLICY.ttlMs / 1000);
    expect(ttlOf(await h.fetch(base))).toBe(10);
    h.clock.advance(11_000);
    const stale = await h.fetch(`${base}/${running.id}`);
    expect(stale.headers.get('cache-status')).toContain('stale-while-revalidate');
    const fresh = await h.fetch(`${base}/${finished.id}`);
    expect(fresh.headers.get('cache-status')).toMatch(/; hit; ttl=4\d$/);
  });

  it('shows a running job finishing to a client that polls through the proxy, then caches it for the normal TTL', async () => {
    const watcher = await startHarness(
      { policy: { ...POLICY, staleWhileRevalidateMs: 0, changingTtlMs: 2_000 } },
      { demo: true },
    );
    try {
      const project = watcher.fake.fixtures.projects[0]!;
      const job = project.clusters.find((c) => c.cluster.name === 'restoring')!.restoreJobs.at(-1)!;
      const url = `${watcher.url}/api/atlas/v2/groups/${String(project.group.id)}/clusters/restoring/backup/restoreJobs/${job.id}`;
      const seen: Array<string | undefined> = [];
      for (let poll = 0; poll < RESTORE_STEPS + 2; poll++) {
        const response = await watcher.fetch(url);
        seen.push(((await response.json()) as { finishedAt?: string }).finishedAt);
        watcher.clock.advance(2_500);
      }
      expect(seen.slice(0, RESTORE_STEPS)).toEqual(Array(RESTORE_STEPS).fill(undefined));
      expect(seen.at(-1)).toMatch(/Z$/);
      const done = await watcher.fetch(url);
      expect(ttlOf(done)).toBeGreaterThan(50);
    } finally {
      await watcher.close();
    }
  });
});
