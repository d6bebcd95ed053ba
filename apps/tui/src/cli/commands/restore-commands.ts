import type { RestorePoint, RestorePointKind } from '@atlas-checkpoints/core';
import type { Column } from '../../format/columns.js';
import { RESTORE_JOB_COLUMNS, RESTORE_POINT_COLUMNS } from '../../format/restore-columns.js';
import { isRestoreJobRunning, listRestoreJobs, type RestoreJob } from '../../source/restore-jobs.js';
import type { CliIo } from '../io.js';
import { DEFAULT_SHOWN } from '../kinds.js';
import type { GlobalOptions } from '../options.js';
import { writeStream, type OutputFormat } from '../output.js';
import { connectScript, scriptProject } from './script-connection.js';

/** Options of `snapshots` and `restores`. */
export interface RestoreListOptions extends GlobalOptions {
  readonly clusterName: string;
  readonly all?: boolean | undefined;
  readonly limit?: number | undefined;
  /** `snapshots` only: one kind of restore point. */
  readonly kind?: RestorePointKind | undefined;
  /** `restores` only: the jobs still running. */
  readonly running?: boolean | undefined;
  readonly output?: OutputFormat | undefined;
}

/**
 * Writes `items` (already newest first) in the `-o` format: the newest {@link DEFAULT_SHOWN}, or
 * `--limit`, or every one with `--all`; a table that leaves some out says so on stderr. `json` is
 * `{ results, totalCount }`, each item `{ kind, id, time, document }` (`document` as Atlas sent it).
 */
async function writeItems<T>(
  items: readonly T[],
  columns: ReadonlyArray<Column<T>>,
  options: RestoreListOptions,
  output: OutputFormat,
  io: CliIo,
) {
  const limit = options.all === true ? Number.POSITIVE_INFINITY : (options.limit ?? DEFAULT_SHOWN);
  async function* each() {
    yield* items;
  }
  const shown = await writeStream(output, columns, each(), io, limit, () => items.length);
  if (output === 'table' && shown < items.length) io.stderr.write(`${shown} of ${items.length} — use --all\n`);
}

/**
 * Runs `snapshots`: a cluster's restore points (core's `listRestorePoints`: Cloud Backup snapshots
 * of its kind, legacy checkpoints and legacy snapshots), newest first, optionally of one `--kind`.
 *
 * @throws {UsageError} without a project. @throws {AtlasApiError} as core's methods do.
 * @example
 * await runSnapshotsCommand({ groupId, clusterName: 'Cluster0', output: 'ndjson', all: true }, io);
 */
export async function runSnapshotsCommand(options: RestoreListOptions, io: CliIo): Promise<void> {
  const script = await connectScript(options, io);
  try {
    const groupId = await scriptProject(script.connection);
    const points = await script.connection.reader.listRestorePoints({ groupId, clusterName: options.clusterName });
    const kind = options.kind;
    const chosen = kind === undefined ? points : points.filter((point: RestorePoint) => point.kind === kind);
    await writeItems(chosen, RESTORE_POINT_COLUMNS, options, script.output, io);
  } finally {
    await script.connection.close();
  }
}

/**
 * Runs `restores`: a cluster's restore jobs, Cloud Backup and legacy, newest first (`--running`:
 * only those still running), with their status and progress.
 *
 * @throws {UsageError} without a project. @throws {AtlasApiError} as core's methods do.
 * @example
 * await runRestoresCommand({ groupId, clusterName: 'Cluster0', output: 'json', running: true }, io);
 */
export async function runRestoresCommand(options: RestoreListOptions, io: CliIo): Promise<void> {
  const script = await connectScript(options, io);
  try {
    const groupId = await scriptProject(script.connection);
    const jobs = await listRestoreJobs(script.connection.reader, { groupId, clusterName: options.clusterName });
    const chosen = options.running === true ? jobs.filter((job: RestoreJob) => isRestoreJobRunning(job)) : jobs;
    await writeItems(chosen, RESTORE_JOB_COLUMNS, options, script.output, io);
  } finally {
    await script.connection.close();
  }
}
