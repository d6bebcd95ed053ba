import type { Checkpoint } from '../schemas/checkpoint.js';
import type { CloudBackupShardedSnapshot, CloudBackupSnapshot } from '../schemas/cloud-backup-snapshot.js';
import type { LegacySnapshot } from '../schemas/legacy-snapshot.js';

/** What every restore point says about itself: its id and the time it restores to. */
interface RestorePointBase {
  /** The document's `id` (a 24-hex ObjectId). */
  readonly id: string;
  /**
   * The time the point restores to, as Atlas wrote it (ISO 8601, UTC): a snapshot's `createdAt`,
   * a checkpoint's `timestamp`, a legacy snapshot's `created.date`; `undefined` when the document
   * has none (such points sort last).
   */
  readonly time: string | undefined;
}

/**
 * One point a cluster can be restored to, saying what it is:
 * - `snapshot`: a Cloud Backup snapshot of a replica set (`listBackupSnapshots`);
 * - `shardedSnapshot`: a Cloud Backup snapshot of a sharded cluster (`listShardedClusterBackupSnapshots`);
 * - `checkpoint`: a legacy backup checkpoint (`listClusterBackupCheckpoints`, sharded clusters on legacy backup);
 * - `legacySnapshot`: a legacy backup snapshot (`listLegacySnapshots`).
 * `document` is the item as core read it.
 *
 * @example
 * for (const point of await client.listRestorePoints({ groupId, clusterName })) {
 *   if (point.kind === 'checkpoint') console.log(point.time, point.document.restorable);
 *   else if (point.kind === 'shardedSnapshot') console.log(point.time, point.document.members?.length);
 * }
 */
export type RestorePoint =
  | (RestorePointBase & { readonly kind: 'snapshot'; readonly document: CloudBackupSnapshot })
  | (RestorePointBase & { readonly kind: 'shardedSnapshot'; readonly document: CloudBackupShardedSnapshot })
  | (RestorePointBase & { readonly kind: 'checkpoint'; readonly document: Checkpoint })
  | (RestorePointBase & { readonly kind: 'legacySnapshot'; readonly document: LegacySnapshot });

/** The kinds of restore point, in the order that breaks a tie of equal times. */
export const RESTORE_POINT_KINDS = ['snapshot', 'shardedSnapshot', 'checkpoint', 'legacySnapshot'] as const;
/** A restore point's kind. */
export type RestorePointKind = (typeof RESTORE_POINT_KINDS)[number];

/**
 * Wraps a document as the restore point of `kind`, reading its time from the field that kind has.
 *
 * @example
 * restorePoint('checkpoint', checkpoint).time === checkpoint.timestamp // true
 */
export function restorePoint<K extends RestorePointKind>(
  kind: K,
  document: Extract<RestorePoint, { kind: K }>['document'],
): Extract<RestorePoint, { kind: K }> {
  let time: string | undefined;
  if (kind === 'checkpoint') time = (document as Checkpoint).timestamp;
  else if (kind === 'legacySnapshot') time = (document as LegacySnapshot).created?.date;
  else time = (document as CloudBackupSnapshot).createdAt;
  return { kind, id: document.id, time, document } as Extract<RestorePoint, { kind: K }>;
}

const timeOf = (point: RestorePoint): number => {
  const ms = point.time === undefined ? Number.NaN : Date.parse(point.time);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
};

/**
 * Orders restore points newest first: by time descending (points without a readable time last),
 * then by kind in {@link RESTORE_POINT_KINDS} order, then by id descending. A total order, so the
 * result does not depend on the order the lists arrived in. Returns a new array.
 *
 * @example
 * newestFirst([...checkpoints, ...snapshots])[0] // the newest point of either kind
 */
export function newestFirst(points: readonly RestorePoint[]): RestorePoint[] {
  return [...points].sort((a, b) => {
    const byTime = timeOf(b) - timeOf(a);
    if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
    const byKind = RESTORE_POINT_KINDS.indexOf(a.kind) - RESTORE_POINT_KINDS.indexOf(b.kind);
    if (byKind !== 0) return byKind;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  });
}
