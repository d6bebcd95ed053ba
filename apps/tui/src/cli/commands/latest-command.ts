import { pagesFromEnd, type Checkpoint } from '@atlas-checkpoints/core';
import type { CliIo } from '../io.js';
import type { GlobalOptions } from '../options.js';
import type { OutputFormat } from '../output.js';
import { writeCheckpoint } from './get-command.js';
import type { LatestKind } from '../kinds.js';
import { latestRestorePoint, writeRestorePoint } from './latest-restore-point.js';
import { connectScript, scriptProject } from './script-connection.js';

/** Options of `latest`. */
export interface LatestCommandOptions extends GlobalOptions {
  readonly clusterName: string;
  /** Only a restorable checkpoint (completed snapshot, complete legacy snapshot) counts. */
  readonly restorable?: boolean | undefined;
  /** Which restore points count (default `checkpoint`); see `LATEST_KINDS`. */
  readonly kind?: LatestKind | undefined;
  /** Default: the profile's `output`, else `table`. */
  readonly output?: OutputFormat | undefined;
}

/** The list had nothing that matched (exit 1, like a 404). */
export class NothingFoundError extends Error {
  override name = 'NothingFoundError' as const;
}

const timeOf = (checkpoint: Checkpoint): number => {
  const time = Date.parse(checkpoint.timestamp ?? '');
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
};

/**
 * The newest checkpoint of a page that `matches`, by `timestamp` (the last one on a tie, as Atlas
 * lists oldest first); undefined when none matches.
 *
 * @example
 * newest(page.results, (c) => c.restorable === true)
 */
export function newest(checkpoints: readonly Checkpoint[], matches: (checkpoint: Checkpoint) => boolean): Checkpoint | undefined {
  let best: Checkpoint | undefined;
  for (const checkpoint of checkpoints) {
    if (matches(checkpoint) && (best === undefined || timeOf(checkpoint) >= timeOf(best))) best = checkpoint;
  }
  return best;
}

/**
 * Runs `latest`: the cluster's newest (with `--restorable`, newest restorable) checkpoint in any
 * `-o` format; with `--kind` other than `checkpoint`, its newest restore point of that kind (core's
 * `listRestorePoints`). Atlas lists checkpoints oldest first, so it reads the last page directly (page 1 for
 * `totalCount`, then the last) and walks backwards only while no page has a match.
 *
 * @throws {NothingFoundError} when the cluster has no (restorable) checkpoint.
 * @example
 * await runLatestCommand({ groupId, clusterName: 'Cluster0', restorable: true, output: 'json' }, io);
 */
export async function runLatestCommand(options: LatestCommandOptions, io: CliIo): Promise<void> {
  const { connection, output } = await connectScript(options, io);
  try {
    const groupId = await scriptProject(connection);
    const { clusterName } = options;
    if (options.kind !== undefined && options.kind !== 'checkpoint') {
      const { kind } = options;
      const restorable = options.restorable === true;
      const point = await latestRestorePoint(connection.reader, { groupId, clusterName, kind, restorable });
      if (point === undefined)
        throw new NothingFoundError(
          `cluster ${clusterName} in project ${groupId} has no ${restorable ? 'restorable ' : ''}restore point of kind ${kind}`,
        );
      writeRestorePoint(output, point, io);
      return;
    }
    const matches = options.restorable === true ? (c: Checkpoint) => c.restorable === true : () => true;
    for await (const page of pagesFromEnd(connection.reader.listClusterBackupCheckpoints, { groupId, clusterName })) {
      const found = newest(page.results, matches);
      if (found !== undefined) {
        writeCheckpoint(output, found, io);
        return;
      }
    }
    throw new NothingFoundError(
      `cluster ${clusterName} in project ${groupId} has no ${options.restorable === true ? 'restorable ' : ''}checkpoint`,
    );
  } finally {
    await connection.close();
  }
}
