import type { AtlasClient, RestorePoint } from '@atlas-checkpoints/core';
import { csvHeader, csvRow } from '../../format/csv.js';
import { recordLines } from '../../format/record-lines.js';
import { RESTORE_POINT_COLUMNS } from '../../format/restore-columns.js';
import type { CliIo } from '../io.js';
import type { LatestKind } from '../kinds.js';
import type { OutputFormat } from '../output.js';

/** Whether `point` is of `kind` (see `LATEST_KINDS`). */
function isOfKind(point: RestorePoint, kind: LatestKind): boolean {
  if (kind === 'any') return true;
  if (kind === 'snapshot') return point.kind === 'snapshot' || point.kind === 'shardedSnapshot';
  return point.kind === kind;
}

/**
 * Whether a cluster can be restored to `point` as Atlas reports it: a checkpoint `restorable`, a
 * Cloud Backup snapshot `completed`, a legacy snapshot `complete`.
 *
 * @example
 * isRestorable(restorePoint('snapshot', { id, status: 'completed' })) // true
 */
function isRestorable(point: RestorePoint): boolean {
  switch (point.kind) {
    case 'checkpoint':
      return point.document.restorable === true;
    case 'snapshot':
    case 'shardedSnapshot':
      return point.document.status === 'completed';
    case 'legacySnapshot':
      return point.document.complete === true;
    default:
      return point satisfies never;
  }
}

/**
 * The newest restore point of `kind` (restorable ones only with `restorable`), from core's merged
 * newest-first `listRestorePoints`; `undefined` when there is none.
 *
 * @example
 * await latestRestorePoint(client, { groupId, clusterName: 'Cluster0', kind: 'snapshot', restorable: true })
 */
export async function latestRestorePoint(
  reader: Pick<AtlasClient, 'listRestorePoints'>,
  params: { groupId: string; clusterName: string; kind: LatestKind; restorable: boolean },
): Promise<RestorePoint | undefined> {
  const points = await reader.listRestorePoints({ groupId: params.groupId, clusterName: params.clusterName });
  return points.find((point) => isOfKind(point, params.kind) && (!params.restorable || isRestorable(point)));
}

/**
 * Writes one restore point: `json`/`ndjson` the Atlas document (as `get` does for a checkpoint),
 * `csv` the restore point columns, `table` every field.
 */
export function writeRestorePoint(output: OutputFormat, point: RestorePoint, io: CliIo): void {
  switch (output) {
    case 'json':
      io.stdout.write(`${JSON.stringify(point.document, null, 2)}\n`);
      return;
    case 'ndjson':
      io.stdout.write(`${JSON.stringify(point.document)}\n`);
      return;
    case 'csv':
      io.stdout.write(csvHeader(RESTORE_POINT_COLUMNS) + csvRow(RESTORE_POINT_COLUMNS, point));
      return;
    case 'table':
      io.stdout.write(`${recordLines(point, Date.now()).join('\n')}\n`);
      return;
    default:
      output satisfies never;
  }
}
