import type { CloudBackupRestoreJob } from './cloud-backup-restore-job.js';
import type { LegacyRestoreJob } from './legacy-restore-job.js';

/**
 * True while a Cloud Backup restore job may still change: it has no `finishedAt` and is neither
 * `failed`, `cancelled` nor `expired` (the spec has no status field for these jobs; these are the
 * fields the Atlas CLI's `backups restores watch` waits on).
 *
 * @example
 * const job = await client.getBackupRestoreJob({ groupId, clusterName, restoreJobId });
 * if (isCloudBackupRestoreJobRunning(job)) setTimeout(poll, 10_000);
 */
export function isCloudBackupRestoreJobRunning(
  job: Pick<CloudBackupRestoreJob, 'finishedAt' | 'failed' | 'cancelled' | 'expired'>,
): boolean {
  return job.finishedAt === undefined && job.failed !== true && job.cancelled !== true && job.expired !== true;
}

/**
 * True while a legacy restore job may still change: its `statusName` is `IN_PROGRESS` (the other
 * values the spec lists, `FINISHED`, `BROKEN` and `KILLED`, are final; an unknown value is taken
 * as final too).
 *
 * @example
 * page.results.filter(isLegacyRestoreJobRunning).length // jobs still running
 */
export function isLegacyRestoreJobRunning(job: Pick<LegacyRestoreJob, 'statusName'>): boolean {
  return job.statusName === 'IN_PROGRESS';
}
