import {
  isCloudBackupRestoreJobRunning,
  isLegacyRestoreJobRunning,
  paginate,
  type CloudBackupRestoreJob,
  type LegacyRestoreJob,
} from '@atlas-checkpoints/core';

/**
 * One restore job of a cluster, saying which backup it belongs to:
 * - `cloudRestoreJob`: a Cloud Backup restore job (`listBackupRestoreJobs`);
 * - `legacyRestoreJob`: a legacy backup restore job (`listLegacyRestoreJobs`).
 * `time` is when it was requested (ISO 8601, UTC): a legacy job's `created`, a Cloud Backup job's
 * id time (an ObjectId's first four bytes are its creation time in seconds; the document has no
 * such field). `document` is the item as core read it.
 */
export type RestoreJob =
  | {
      readonly kind: 'cloudRestoreJob';
      readonly id: string;
      readonly time: string | undefined;
      readonly document: CloudBackupRestoreJob;
    }
  | {
      readonly kind: 'legacyRestoreJob';
      readonly id: string;
      readonly time: string | undefined;
      readonly document: LegacyRestoreJob;
    };

/** The time an ObjectId was made (its first 8 hex digits, seconds since the epoch), as ISO 8601. */
export function objectIdTime(id: string): string | undefined {
  if (!/^[a-f0-9]{24}$/i.test(id)) return undefined;
  return new Date(Number.parseInt(id.slice(0, 8), 16) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Wraps a Cloud Backup restore job. */
export function cloudRestoreJob(document: CloudBackupRestoreJob): RestoreJob {
  return { kind: 'cloudRestoreJob', id: document.id, time: objectIdTime(document.id), document };
}

/** Wraps a legacy restore job. */
export function legacyRestoreJob(document: LegacyRestoreJob): RestoreJob {
  return { kind: 'legacyRestoreJob', id: document.id, time: document.created ?? objectIdTime(document.id), document };
}

/**
 * A job's status in one word: a Cloud Backup job is `cancelled`, `failed`, `expired`, `finished`
 * (it has `finishedAt`) or `running`; a legacy job says its `statusName` (`IN_PROGRESS`, `FINISHED`,
 * `BROKEN`, `KILLED`, or a value Atlas adds later).
 *
 * @example
 * restoreJobStatus(cloudRestoreJob({ id, finishedAt: '2024-01-01T00:30:00Z' })) // 'finished'
 */
export function restoreJobStatus(job: RestoreJob): string {
  if (job.kind === 'legacyRestoreJob') return job.document.statusName ?? '';
  const d = job.document;
  if (isCloudBackupRestoreJobRunning(d)) return 'running';
  if (d.cancelled === true) return 'cancelled';
  if (d.failed === true) return 'failed';
  if (d.expired === true) return 'expired';
  return 'finished';
}

/** True while a job may still change (core's `isCloudBackupRestoreJobRunning`, `isLegacyRestoreJobRunning`). */
export function isRestoreJobRunning(job: RestoreJob): boolean {
  return job.kind === 'cloudRestoreJob' ? isCloudBackupRestoreJobRunning(job.document) : isLegacyRestoreJobRunning(job.document);
}

/**
 * How far a job has come: a legacy job's delivery status (`NOT_STARTED` → `PENDING` →
 * `IN_PROGRESS` → `READY`, or `EXPIRED`, `FAILED`, …); for a Cloud Backup job, `restoring` while it
 * runs, `done` when finished, else its status (Atlas reports no finer progress for it).
 *
 * @example
 * restoreJobProgress(job) // 'restoring' | 'done' | 'PENDING'
 */
export function restoreJobProgress(job: RestoreJob): string {
  if (job.kind === 'legacyRestoreJob') return job.document.delivery?.statusName ?? '';
  const status = restoreJobStatus(job);
  return status === 'running' ? 'restoring' : status === 'finished' ? 'done' : status;
}

/** How a job delivers: a Cloud Backup job's `deliveryType`, a legacy job's `delivery.methodName`. */
export function restoreJobDelivery(job: RestoreJob): string {
  return (job.kind === 'cloudRestoreJob' ? job.document.deliveryType : job.document.delivery?.methodName) ?? '';
}

const timeOf = (job: RestoreJob): number => {
  const ms = job.time === undefined ? Number.NaN : Date.parse(job.time);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
};

/** Orders jobs newest first (by request time, then id descending); returns a new array. */
export function jobsNewestFirst(jobs: readonly RestoreJob[]): RestoreJob[] {
  return [...jobs].sort((a, b) => {
    const byTime = timeOf(b) - timeOf(a);
    if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  });
}

/** The two list calls {@link listRestoreJobs} makes (core's client has both). */
export interface RestoreJobLists {
  listBackupRestoreJobs(params: {
    groupId: string;
    clusterName: string;
    pageNum?: number;
    itemsPerPage?: number;
    signal?: AbortSignal | undefined;
  }): Promise<{ readonly results: readonly CloudBackupRestoreJob[]; readonly totalCount?: number | undefined }>;
  listLegacyRestoreJobs(params: {
    groupId: string;
    clusterName: string;
    pageNum?: number;
    itemsPerPage?: number;
    signal?: AbortSignal | undefined;
  }): Promise<{ readonly results: readonly LegacyRestoreJob[]; readonly totalCount?: number | undefined }>;
}

/**
 * Every restore job of a cluster, Cloud Backup and legacy, newest first: both lists walked with
 * core's `paginate`, in parallel (a cluster not on a backup has an empty list of its jobs).
 *
 * @throws {AtlasApiError} | {AtlasRequestError} | {ResponseShapeError} as the list methods do.
 * @example
 * const jobs = await listRestoreJobs(client, { groupId, clusterName: 'Cluster0' });
 * jobs.filter(isRestoreJobRunning)
 */
export async function listRestoreJobs(
  reader: RestoreJobLists,
  params: { groupId: string; clusterName: string; limit?: number | undefined; signal?: AbortSignal | undefined },
): Promise<RestoreJob[]> {
  const { groupId, clusterName, signal } = params;
  const limit = params.limit ?? 100_000;
  const options = signal ? { signal } : {};
  // core's `paginate` types pages as mutable; it never writes to them.
  const cloudPages = (p: { pageNum?: number }) => reader.listBackupRestoreJobs({ ...p, groupId, clusterName, signal });
  const legacyPages = (p: { pageNum?: number }) => reader.listLegacyRestoreJobs({ ...p, groupId, clusterName, signal });
  const [cloud, legacy] = await Promise.all([
    paginate<{ pageNum?: number }, CloudBackupRestoreJob>(cloudPages as never, {}, options).toArray({ limit }),
    paginate<{ pageNum?: number }, LegacyRestoreJob>(legacyPages as never, {}, options).toArray({ limit }),
  ]);
  return jobsNewestFirst([...cloud.map(cloudRestoreJob), ...legacy.map(legacyRestoreJob)]);
}
