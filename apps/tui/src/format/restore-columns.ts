import type { RestorePoint } from '../source/types.js';
import {
  isRestoreJobRunning,
  restoreJobDelivery,
  restoreJobProgress,
  restoreJobStatus,
  type RestoreJob,
} from '../source/restore-jobs.js';
import { partsSummary, type Column } from './columns.js';
import type { FitOptions } from './fit.js';
import { fitWhen, formatWhen } from './time.js';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * Bytes in binary units with one decimal (`1.5 GB` is 1.5 × 2³⁰ bytes), '' for none.
 *
 * @example
 * formatBytes(1_610_612_736) // '1.5 GB'
 */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** A kind as the browser and the tables write it. */
export const RESTORE_POINT_KIND_LABELS: Readonly<Record<RestorePoint['kind'], string>> = {
  snapshot: 'snapshot',
  shardedSnapshot: 'sharded snapshot',
  checkpoint: 'checkpoint',
  legacySnapshot: 'legacy snapshot',
};

/** A kind in at most 8 cells, for a narrow KIND column. */
const RESTORE_POINT_KIND_SHORT: Readonly<Record<RestorePoint['kind'], string>> = {
  snapshot: 'snapshot',
  shardedSnapshot: 'sharded',
  checkpoint: 'checkpt',
  legacySnapshot: 'legacy',
};

/**
 * A restore point's status: a Cloud Backup snapshot's `status` (`queued`, `inProgress`,
 * `completed`, `failed`), a checkpoint's `restorable`, a legacy snapshot's `complete`.
 *
 * @example
 * restorePointStatus({ kind: 'checkpoint', document: { restorable: true }, … }) // 'restorable'
 */
export function restorePointStatus(point: RestorePoint): string {
  switch (point.kind) {
    case 'snapshot':
    case 'shardedSnapshot':
      return point.document.status ?? '';
    case 'checkpoint':
      return point.document.restorable === undefined ? '' : point.document.restorable ? 'restorable' : 'not restorable';
    case 'legacySnapshot':
      return point.document.complete === undefined ? '' : point.document.complete ? 'complete' : 'incomplete';
    default:
      return point satisfies never;
  }
}

/**
 * How big a restore point is, or what it is made of: a snapshot's size; a sharded snapshot's
 * members and size; a checkpoint's parts (`3: 2 shards + config`); a legacy snapshot's parts and
 * the sum of their storage sizes.
 */
export function restorePointSize(point: RestorePoint): string {
  switch (point.kind) {
    case 'snapshot':
      return formatBytes(point.document.storageSizeBytes);
    case 'shardedSnapshot': {
      const members = point.document.members?.length;
      const size = formatBytes(point.document.storageSizeBytes);
      return [members === undefined ? '' : `${members} members`, size].filter((s) => s !== '').join(', ');
    }
    case 'checkpoint':
      return partsSummary(point.document);
    case 'legacySnapshot': {
      const parts = point.document.parts ?? [];
      const sizes = parts.map((p) => p.storageSizeBytes).filter((n): n is number => typeof n === 'number');
      const size = sizes.length === 0 ? '' : formatBytes(sizes.reduce((a, b) => a + b, 0));
      return [parts.length === 0 ? '' : `${parts.length} parts`, size].filter((s) => s !== '').join(', ');
    }
    default:
      return point satisfies never;
  }
}

/** When a restore point expires (ISO 8601), if it says: a snapshot's `expiresAt`, a legacy snapshot's `expires`. */
export function restorePointExpiry(point: RestorePoint): string | undefined {
  if (point.kind === 'snapshot' || point.kind === 'shardedSnapshot') return point.document.expiresAt;
  if (point.kind === 'legacySnapshot') return point.document.expires;
  return undefined;
}

/** A time column; `keepTime`: narrow, the whole local time goes before the age (a list's own time). */
const time = <T>(
  key: string,
  header: string,
  of: (row: T) => string | undefined,
  min = 19,
  width = 30,
  keepTime = false,
): Column<T> => ({
  key,
  header,
  width,
  min,
  display: (row, now) => formatWhen(of(row), now),
  fit: (row, now, width) => fitWhen(of(row), now, width, keepTime),
  raw: of,
});

/**
 * The restore point columns (browser, `snapshots -o table|csv`): time, kind, status, size or parts, expiry, id.
 *
 * @example
 * RESTORE_POINT_COLUMNS.map((c) => c.header) // ['TIME', 'KIND', 'STATUS', 'SIZE / PARTS', 'EXPIRES', 'ID']
 */
export const RESTORE_POINT_COLUMNS: ReadonlyArray<Column<RestorePoint>> = [
  time('time', 'TIME', (p) => p.time, 30, 30, true),
  {
    key: 'kind',
    header: 'KIND',
    width: 16,
    min: 16,
    display: (p) => RESTORE_POINT_KIND_LABELS[p.kind] ?? p.kind,
    fit: (p, _now, width) => {
      const label = RESTORE_POINT_KIND_LABELS[p.kind] ?? p.kind;
      return label.length <= width ? label : (RESTORE_POINT_KIND_SHORT[p.kind] ?? label);
    },
    raw: (p) => p.kind,
  },
  { key: 'status', header: 'STATUS', width: 14, min: 14, display: restorePointStatus, raw: restorePointStatus },
  { key: 'size', header: 'SIZE / PARTS', width: 20, min: 20, display: restorePointSize, raw: restorePointSize },
  time('expires', 'EXPIRES', restorePointExpiry, 10, 22),
  { key: 'id', header: 'ID', width: 24, min: 24, display: (p) => p.id, raw: (p) => p.id },
];

/**
 * How the browser's restore points fit a narrow terminal: time (to the second, without its age),
 * kind (short: `sharded`, `checkpt`) and status stay down to 40 columns; size, expiry and id show
 * only beside their natural widths.
 */
export const RESTORE_POINT_FIT: FitOptions = { keep: 3, mins: [19, 8, 7] };

const target = (job: RestoreJob): string => {
  const name = job.kind === 'cloudRestoreJob' ? job.document.targetClusterName : job.document.delivery?.targetClusterName;
  return name ?? '';
};

/**
 * The restore job columns (browser, `restores -o table|csv`): request time, backup, status, progress, delivery, target, snapshot, id.
 *
 * @example
 * RESTORE_JOB_COLUMNS.map((c) => c.header) // ['REQUESTED', 'BACKUP', 'STATUS', 'PROGRESS', 'DELIVERY', 'TARGET', 'SNAPSHOT', 'ID']
 */
export const RESTORE_JOB_COLUMNS: ReadonlyArray<Column<RestoreJob>> = [
  time('time', 'REQUESTED', (j) => j.time, 30, 30, true),
  {
    key: 'backup',
    header: 'BACKUP',
    width: 6,
    min: 6,
    display: (j) => (j.kind === 'cloudRestoreJob' ? 'cloud' : 'legacy'),
    raw: (j) => j.kind,
  },
  {
    key: 'status',
    header: 'STATUS',
    width: 13,
    min: 13,
    display: (j) => `${isRestoreJobRunning(j) ? '● ' : ''}${restoreJobStatus(j)}`,
    raw: restoreJobStatus,
  },
  { key: 'progress', header: 'PROGRESS', width: 11, min: 11, display: restoreJobProgress, raw: restoreJobProgress },
  { key: 'delivery', header: 'DELIVERY', width: 17, min: 9, display: restoreJobDelivery, raw: restoreJobDelivery },
  { key: 'target', header: 'TARGET', width: 16, min: 6, display: target, raw: target },
  {
    key: 'snapshotId',
    header: 'SNAPSHOT',
    width: 24,
    min: 8,
    display: (j) => j.document.snapshotId ?? '',
    raw: (j) => j.document.snapshotId,
  },
  { key: 'id', header: 'ID', width: 24, min: 24, display: (j) => j.id, raw: (j) => j.id },
];

/**
 * How the browser's restore jobs fit a narrow terminal: request time (to the second), backup and
 * status (`● running`) stay down to 40 columns; the others show only beside their natural widths.
 */
export const RESTORE_JOB_FIT: FitOptions = { keep: 3, mins: [19, 6, 9] };
