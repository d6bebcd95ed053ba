import type { RestorePoint } from '../source/types.js';
import { restoreJobDelivery, restoreJobProgress, restoreJobStatus, type RestoreJob } from '../source/restore-jobs.js';
import { printable } from './printable.js';
import { RESTORE_POINT_KIND_LABELS, restorePointExpiry, restorePointSize, restorePointStatus } from './restore-columns.js';
import { formatWhen } from './time.js';

/** A restore point or a restore job: what the browser's record screen shows. */
export type BackupRecord = RestorePoint | RestoreJob;

const TITLES: Readonly<Record<BackupRecord['kind'], string>> = {
  snapshot: 'Cloud Backup snapshot',
  shardedSnapshot: 'Cloud Backup sharded-cluster snapshot',
  checkpoint: 'Checkpoint (legacy backup)',
  legacySnapshot: 'Legacy backup snapshot',
  cloudRestoreJob: 'Cloud Backup restore job',
  legacyRestoreJob: 'Legacy backup restore job',
};

const field = (label: string, value: string): string => `  ${label.padEnd(16)} ${value}`;
const when = (iso: string | undefined, now: number): string => (iso === undefined ? '—' : `${formatWhen(iso, now)}  ${iso}`);

/** One field's value: a scalar as JSON, an object on one line. */
const valueText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Every field of a restore point or restore job as text lines: a summary (kind, time, status, size
 * or progress, expiry), then each field Atlas sent, arrays one element per line.
 *
 * @example
 * recordLines(point, Date.now())[0] // 'Cloud Backup snapshot 65a0…'
 */
export function recordLines(record: BackupRecord, now: number): string[] {
  const lines = [`${TITLES[record.kind]} ${record.id}`];
  if (record.kind === 'cloudRestoreJob' || record.kind === 'legacyRestoreJob') {
    lines.push(field('Requested', when(record.time, now)));
    lines.push(field('Status', restoreJobStatus(record) || '—'));
    lines.push(field('Progress', restoreJobProgress(record) || '—'));
    lines.push(field('Delivery', restoreJobDelivery(record) || '—'));
  } else {
    lines.push(field('Kind', RESTORE_POINT_KIND_LABELS[record.kind]));
    lines.push(field('Time', when(record.time, now)));
    lines.push(field('Status', restorePointStatus(record) || '—'));
    lines.push(field('Size / parts', restorePointSize(record) || '—'));
    lines.push(field('Expires', when(restorePointExpiry(record), now)));
  }
  lines.push('Fields');
  for (const [key, value] of Object.entries(record.document as Record<string, unknown>)) {
    if (Array.isArray(value)) {
      lines.push(field(key, `(${value.length})`));
      value.forEach((item, i) => lines.push(field('', `${i + 1}. ${valueText(item)}`)));
    } else lines.push(field(key, valueText(value)));
  }
  return lines.map(printable);
}
