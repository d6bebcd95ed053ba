import { wireErrors, type CloudBackupRestoreJob, type LegacyRestoreJob, type WireRequest } from '@atlas-checkpoints/core';
import { backupScheduleView } from '../fixtures/backup-views.js';
import { cloudRestoreJobAt, legacyRestoreJobAt } from '../fixtures/restore-progress.js';
import type { Principal } from './context.js';
import type { FakeData } from './data-handlers.js';
import type { BackupList, FixtureStore, StoredCluster } from './store.js';

/** Finds the request's cluster (the 403/404 `WireError` Atlas answers otherwise). */
export type FindCluster = (store: FixtureStore, request: WireRequest, principal: Principal) => StoredCluster;

const byId = (item: object) => String((item as { id?: unknown }).id);

/** Counts one read of a job and returns the reads before it. */
function read(store: FixtureStore, id: string): number {
  const before = store.reads.get(id) ?? 0;
  if (store.advance) store.reads.set(id, before + 1);
  return before;
}

const cloudJob = (store: FixtureStore, job: CloudBackupRestoreJob) => cloudRestoreJobAt(job, read(store, job.id));
const legacyJob = (store: FixtureStore, job: LegacyRestoreJob) => legacyRestoreJobAt(job, read(store, job.id));

function one(cluster: StoredCluster, list: BackupList, request: WireRequest, parameter: string, job: boolean): object {
  const id = request.pathValues[parameter] ?? '';
  const found = cluster.find(list, id);
  const name = String(cluster.cluster.name);
  if (!found) throw job ? wireErrors.restoreJobNotFound(id, name) : wireErrors.snapshotNotFound(id, name);
  return found;
}

/**
 * The fake's data for the twelve Cloud Backup and legacy backup operations, from the cluster's
 * backup data. A cluster not on the backup a list belongs to has an empty list; its schedule is a
 * 404 `BACKUP_CONFIG_NOT_FOUND`; an unknown id a 404 `SNAPSHOT_NOT_FOUND` / `RESTORE_JOB_NOT_FOUND`.
 * Restore jobs are served as they are after the reads so far (`cloudRestoreJobAt`,
 * `legacyRestoreJobAt`): each read of a running job moves it on, so a poller sees it finish.
 * Legacy snapshots honour `completed` (`true` by default: complete ones only).
 */
export function backupHandlers(findCluster: FindCluster) {
  return {
    listGroupClusterBackupSnapshots: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => ({
      kind: 'list',
      items: findCluster(store, request, principal).backup.snapshots,
      itemKey: byId,
    }),
    getGroupClusterBackupSnapshot: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => ({
      kind: 'resource',
      document: one(findCluster(store, request, principal), 'snapshots', request, 'snapshotId', false),
    }),
    listGroupClusterBackupSnapshotShardedClusters: (
      store: FixtureStore,
      request: WireRequest,
      principal: Principal,
    ): FakeData => ({
      kind: 'list',
      items: findCluster(store, request, principal).backup.shardedSnapshots,
      // The single resource lives under `…/snapshots/shardedCluster/{id}`, not under this list's path.
      itemKey: byId,
      itemPath: (listPath: string, item: object) => `${listPath.replace(/\/shardedClusters$/, '/shardedCluster')}/${byId(item)}`,
    }),
    getGroupClusterBackupSnapshotShardedCluster: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => ({
      kind: 'resource',
      document: one(findCluster(store, request, principal), 'shardedSnapshots', request, 'snapshotId', false),
    }),
    listGroupClusterBackupRestoreJobs: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => ({
      kind: 'list',
      items: findCluster(store, request, principal).backup.restoreJobs.map((job) => cloudJob(store, job)),
      itemKey: byId,
    }),
    getGroupClusterBackupRestoreJob: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => ({
      kind: 'resource',
      document: cloudJob(
        store,
        one(findCluster(store, request, principal), 'restoreJobs', request, 'restoreJobId', true) as CloudBackupRestoreJob,
      ),
    }),
    getGroupClusterBackupSchedule: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => {
      const cluster = findCluster(store, request, principal);
      const schedule = cluster.backup.backupSchedule;
      if (!schedule) throw wireErrors.backupScheduleNotFound(String(cluster.cluster.name));
      return { kind: 'resource', document: backupScheduleView(schedule, request.version) };
    },
    listGroupClusterSnapshots: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => {
      const completed = request.query.values.completed ?? 'true';
      const all = findCluster(store, request, principal).backup.legacySnapshots;
      const items = completed === 'all' ? all : all.filter((snapshot) => String(snapshot.complete === true) === completed);
      return { kind: 'list', items, itemKey: byId };
    },
    getGroupClusterSnapshot: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => ({
      kind: 'resource',
      document: one(findCluster(store, request, principal), 'legacySnapshots', request, 'snapshotId', false),
    }),
    listGroupClusterRestoreJobs: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => {
      const batchId = request.query.values.batchId;
      const jobs = findCluster(store, request, principal).backup.legacyRestoreJobs;
      const items = (batchId === undefined ? jobs : jobs.filter((job) => job.batchId === batchId)).map((job) =>
        legacyJob(store, job),
      );
      return { kind: 'list', items, itemKey: byId };
    },
    getGroupClusterRestoreJob: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => ({
      kind: 'resource',
      document: legacyJob(
        store,
        one(findCluster(store, request, principal), 'legacyRestoreJobs', request, 'jobId', true) as LegacyRestoreJob,
      ),
    }),
    getGroupClusterSnapshotSchedule: (store: FixtureStore, request: WireRequest, principal: Principal): FakeData => {
      const cluster = findCluster(store, request, principal);
      const schedule = cluster.backup.snapshotSchedule;
      if (!schedule) throw wireErrors.backupScheduleNotFound(String(cluster.cluster.name));
      return { kind: 'resource', document: schedule };
    },
  } as const;
}
