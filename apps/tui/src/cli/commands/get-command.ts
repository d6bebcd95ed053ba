import type { Checkpoint } from '@atlas-checkpoints/core';
import { CHECKPOINT_COLUMNS } from '../../format/columns.js';
import { detailLines } from '../../format/detail-lines.js';
import { csvHeader, csvRow } from '../../format/csv.js';
import type { CliIo } from '../io.js';
import type { GlobalOptions } from '../options.js';
import type { OutputFormat } from '../output.js';
import { connectScript, scriptProject } from './script-connection.js';

/** Options of `get`. */
export interface GetCommandOptions extends GlobalOptions {
  readonly clusterName: string;
  readonly checkpointId: string;
  /** Default: the profile's `output`, else `table`. */
  readonly output?: OutputFormat | undefined;
}

/**
 * Runs `get`: one checkpoint as the API's JSON document, one ndjson line, CSV, or every field as text.
 *
 * @example
 * await runGetCommand({ groupId, clusterName: 'Cluster0', checkpointId, output: 'json' }, io);
 */
export async function runGetCommand(options: GetCommandOptions, io: CliIo): Promise<void> {
  const { connection, output } = await connectScript(options, io);
  try {
    const groupId = await scriptProject(connection);
    const checkpoint = await connection.reader.getClusterBackupCheckpoint({
      groupId,
      clusterName: options.clusterName,
      checkpointId: options.checkpointId,
    });
    writeCheckpoint(output, checkpoint, io);
  } finally {
    await connection.close();
  }
}

/**
 * Writes one checkpoint: the API's JSON document, one ndjson line, CSV (header and row), or every field as text.
 *
 * @example
 * writeCheckpoint('json', checkpoint, io);
 */
export function writeCheckpoint(output: OutputFormat, checkpoint: Checkpoint, io: CliIo): void {
  switch (output) {
    case 'json':
      io.stdout.write(`${JSON.stringify(checkpoint, null, 2)}\n`);
      return;
    case 'ndjson':
      io.stdout.write(`${JSON.stringify(checkpoint)}\n`);
      return;
    case 'csv':
      io.stdout.write(csvHeader(CHECKPOINT_COLUMNS) + csvRow(CHECKPOINT_COLUMNS, checkpoint));
      return;
    case 'table':
      io.stdout.write(`${detailLines(checkpoint, Date.now()).join('\n')}\n`);
      return;
    default:
      output satisfies never;
  }
}
