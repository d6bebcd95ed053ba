import type { RestorePointKind } from '@atlas-checkpoints/core';

/**
 * The `--kind` values of `snapshots`: core's restore point kinds (`RESTORE_POINT_KINDS`), named
 * here so the command line loads no core module before a command runs.
 */
export const RESTORE_POINT_KIND_CHOICES = [
  'snapshot',
  'shardedSnapshot',
  'checkpoint',
  'legacySnapshot',
] as const satisfies readonly RestorePointKind[];

/**
 * `latest --kind` values: a restore point kind, where `snapshot` is a Cloud Backup snapshot of
 * either kind (replica set or sharded cluster), or `any` kind.
 */
export const LATEST_KINDS = ['checkpoint', 'snapshot', 'shardedSnapshot', 'legacySnapshot', 'any'] as const;
export type LatestKind = (typeof LATEST_KINDS)[number];

/** How many items `snapshots` and `restores` print without `--all` or `--limit` (the newest). */
export const DEFAULT_SHOWN = 100;
