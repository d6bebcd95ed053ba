import type { CloudBackupRestoreJob, CloudBackupSnapshot, LegacyRestoreJob } from '@atlas-checkpoints/core';
import { hexId } from './rows.js';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const DAY = Date.UTC(2024, 0, 1);

/** `n` replica-set Cloud Backup snapshots, one every 6 hours from 2024-01-01 (half an hour apart from checkpoints). */
export function snapshots(n: number): CloudBackupSnapshot[] {
  return Array.from({ length: n }, (_, i) => ({
    id: hexId(i, 'd'),
    createdAt: iso(DAY + i * 6 * 3600_000 + 1800_000),
    expiresAt: iso(DAY + (i + 30) * 86_400_000),
    status: 'completed',
    storageSizeBytes: 1_610_612_736,
    type: 'replicaSet',
    replicaSetName: 'Cluster0-shard-0',
  }));
}

/** An ObjectId made at `ms` (its first 8 hex digits are the time in seconds). */
const idAt = (ms: number, n: number): string => `${Math.floor(ms / 1000).toString(16)}${n.toString(16).padStart(16, '0')}`;

/** A running Cloud Backup restore job (requested 2024-01-03) and a finished one (2024-01-02). */
export function cloudJobs(): CloudBackupRestoreJob[] {
  return [
    { id: idAt(DAY + 86_400_000, 1), deliveryType: 'automated', snapshotId: hexId(1, 'd'), finishedAt: iso(DAY + 90_000_000) },
    { id: idAt(DAY + 2 * 86_400_000, 2), deliveryType: 'automated', snapshotId: hexId(2, 'd'), targetClusterName: 'Cluster0' },
  ];
}

/** A finished legacy restore job, requested 2024-01-01. */
export function legacyJobs(): LegacyRestoreJob[] {
  return [
    {
      id: hexId(1, 'e'),
      created: iso(DAY + 3600_000),
      statusName: 'FINISHED',
      snapshotId: hexId(1, 'f'),
      delivery: { methodName: 'HTTP', statusName: 'READY' },
    },
  ];
}

/** A Cloud Backup job as Atlas serves it after `reads` reads: running until the `steps`-th read, then finished. */
export function jobAfter(job: CloudBackupRestoreJob, reads: number, steps = 2): CloudBackupRestoreJob {
  return job.finishedAt !== undefined || reads < steps ? job : { ...job, finishedAt: iso(DAY + 3 * 86_400_000) };
}
