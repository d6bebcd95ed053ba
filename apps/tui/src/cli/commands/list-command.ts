import { paginate } from '@atlas-checkpoints/core';
import { CHECKPOINT_COLUMNS, CLUSTER_COLUMNS, PROJECT_COLUMNS, type Column } from '../../format/columns.js';
import type { PageOf } from '../../source/types.js';
import type { CliIo } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { progressLine, writePage, writeStream, type OutputFormat } from '../output.js';
import { UsageError } from '../usage-error.js';
import { connectScript } from './script-connection.js';

/** Options of `list`, `projects` and `clusters`. */
export interface ListCommandOptions extends GlobalOptions {
  readonly clusterName?: string | undefined;
  readonly pageNum?: number | undefined;
  readonly itemsPerPage?: number | undefined;
  readonly includeCount?: boolean | undefined;
  readonly all?: boolean | undefined;
  readonly limit?: number | undefined;
  /** Default: the profile's `output`, else `table`. */
  readonly output?: OutputFormat | undefined;
}

interface Walkable {
  readonly columns: ReadonlyArray<Column<never>>;
  page(params: {
    pageNum?: number | undefined;
    itemsPerPage?: number | undefined;
    includeCount?: boolean | undefined;
  }): Promise<PageOf<unknown>>;
  walk(options: {
    itemsPerPage: number;
    includeCount: boolean;
    onProgress: (p: { loaded: number; total: number | undefined }) => void;
  }): AsyncIterable<unknown> & { readonly report: { finalTotal?: number } };
}

/**
 * What a table of one page leaves out, e.g. `100 of 500 — use --all`; undefined when the page holds the whole list.
 *
 * @example
 * truncationNote({ results: rows, totalCount: 500 }, 1, 100) // '100 of 500 — use --all'
 */
export function truncationNote(page: PageOf<unknown>, pageNum: number, itemsPerPage: number): string | undefined {
  const shown = page.results.length;
  const before = (pageNum - 1) * itemsPerPage;
  const more = page.links?.some((link) => link.rel === 'next') === true;
  if (typeof page.totalCount === 'number') {
    if (before === 0 && shown >= page.totalCount && !more) return undefined;
    const range = before === 0 ? `${shown}` : shown === 0 ? 'none' : `${before + 1}-${before + shown}`;
    return `${range} of ${page.totalCount} — use --all`;
  }
  return more ? `${shown} shown, more on later pages — use --all` : undefined;
}

/**
 * Runs `projects`, `clusters` or `list` (checkpoints): one page by default, or every page with
 * `--all` / up to `--limit` items, streamed for `ndjson` and `csv`. In demo mode the project and
 * cluster default to the first demo ones.
 *
 * @example
 * await runListCommand('checkpoints', { groupId, clusterName: 'Cluster0', output: 'ndjson', all: true }, io);
 */
export async function runListCommand(
  what: 'projects' | 'clusters' | 'checkpoints',
  options: ListCommandOptions,
  io: CliIo,
): Promise<void> {
  const { connection, output } = await connectScript(options, io);
  try {
    const client = connection.reader;
    const demo = connection.source.demo;
    const groupId =
      connection.groupId ??
      (demo && what !== 'projects' ? (await client.listProjects({ itemsPerPage: 1 })).results[0]?.id : undefined);
    let target: Walkable;
    if (what === 'projects') {
      target = {
        columns: PROJECT_COLUMNS,
        page: (p) => client.listProjects(p),
        walk: (o) => paginate(client.listProjects, {}, o),
      };
    } else {
      if (groupId === undefined)
        throw new UsageError('--groupId (or --projectId, MONGODB_ATLAS_PROJECT_ID, or a profile project_id) is required');
      if (what === 'clusters') {
        target = {
          columns: CLUSTER_COLUMNS,
          page: (p) => client.listClusters({ ...p, groupId }),
          walk: (o) => paginate(client.listClusters, { groupId }, o),
        };
      } else {
        const clusterName =
          options.clusterName ?? (demo ? (await client.listClusters({ groupId, itemsPerPage: 1 })).results[0]?.name : undefined);
        if (clusterName === undefined) throw new UsageError('--clusterName is required');
        target = {
          columns: CHECKPOINT_COLUMNS,
          page: (p) => client.listClusterBackupCheckpoints({ ...p, groupId, clusterName }),
          walk: (o) => paginate(client.listClusterBackupCheckpoints, { groupId, clusterName }, o),
        };
      }
    }
    if (options.all !== true && options.limit === undefined) {
      const page = await target.page({
        pageNum: options.pageNum,
        itemsPerPage: options.itemsPerPage,
        includeCount: options.includeCount,
      });
      writePage(output, target.columns as ReadonlyArray<Column<unknown>>, page, io);
      if (output === 'table') {
        const note = truncationNote(page, options.pageNum ?? 1, options.itemsPerPage ?? 100);
        if (note !== undefined) io.stderr.write(`${note}\n`);
      }
      return;
    }
    const progress = progressLine(io);
    const walk = target.walk({
      itemsPerPage: options.itemsPerPage ?? Math.min(500, Math.max(1, options.limit ?? 500)),
      includeCount: options.includeCount ?? true,
      onProgress: (p) => progress.update(p.loaded, p.total),
    });
    try {
      await writeStream(
        output,
        target.columns as ReadonlyArray<Column<unknown>>,
        walk,
        progress.io,
        options.limit ?? Number.POSITIVE_INFINITY,
        () => walk.report.finalTotal,
      );
    } finally {
      progress.done();
    }
  } finally {
    await connection.close();
  }
}
