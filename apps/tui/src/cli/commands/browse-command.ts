import { createElement } from 'react';
import { CHECKPOINT_COLUMNS, CLUSTER_COLUMNS, PROJECT_COLUMNS } from '../../format/columns.js';
import { detailLines } from '../../format/detail-lines.js';
import { renderTable } from '../../format/table.js';
import { colorEnabled } from '../../ui/color.js';
import { canUseOsc52, osc52 } from '../../ui/osc52.js';
import { connect, type Connection } from '../connect.js';
import type { CliIo } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { tableWidth } from '../output.js';

/** Options of `browse` (and of the bare command). */
export interface BrowseOptions extends GlobalOptions {
  readonly clusterName?: string | undefined;
  readonly checkpointId?: string | undefined;
  readonly color?: boolean | undefined;
}

/** Without a terminal: one static frame, the table of the level the flags name, then exit 0. */
async function printLevel(connection: Connection, options: BrowseOptions, io: CliIo): Promise<void> {
  const { reader, groupId } = connection;
  const now = Date.now();
  const width = tableWidth(io);
  io.stderr.write(`atlas-checkpoints: not a terminal, printing instead of browsing (source: ${connection.source.label})\n`);
  if (groupId === undefined) {
    io.stdout.write(renderTable(PROJECT_COLUMNS, (await reader.listProjects({})).results, { width, now }));
  } else if (options.clusterName === undefined) {
    io.stdout.write(renderTable(CLUSTER_COLUMNS, (await reader.listClusters({ groupId })).results, { width, now }));
  } else if (options.checkpointId === undefined) {
    const page = await reader.listClusterBackupCheckpoints({ groupId, clusterName: options.clusterName });
    io.stdout.write(renderTable(CHECKPOINT_COLUMNS, page.results, { width, now }));
  } else {
    const checkpoint = await reader.getClusterBackupCheckpoint({
      groupId,
      clusterName: options.clusterName,
      checkpointId: options.checkpointId,
    });
    io.stdout.write(`${detailLines(checkpoint, now).join('\n')}\n`);
  }
}

/**
 * Opens the browser in a terminal (Ink and React are loaded only here), or prints a table otherwise.
 *
 * @example
 * await runBrowse({ demo: true }, processIo());
 */
export async function runBrowse(options: BrowseOptions, io: CliIo): Promise<void> {
  const connection = await connect(options, io);
  try {
    if (io.stdout.isTTY !== true || !io.stdinIsTTY) {
      await printLevel(connection, options, io);
      return;
    }
    const [{ render }, { Browser }, { ColorContext }] = await Promise.all([
      import('ink'),
      import('../../ui/browser.js'),
      import('../../ui/color.js'),
    ]);
    const unsent: string[] = [];
    const copy = (text: string): boolean => {
      if (!canUseOsc52(io.stdout, io.env)) return false;
      io.stdout.write(osc52(text));
      return true;
    };
    const browser = createElement(Browser, {
      reader: connection.reader,
      source: connection.source,
      feed: connection.feed,
      start: { groupId: connection.groupId, clusterName: options.clusterName, checkpointId: options.checkpointId },
      copy,
      onQuit: (state) => unsent.push(...state.unsentCopies),
    });
    const app = render(createElement(ColorContext.Provider, { value: colorEnabled(io.env, options.color !== false) }, browser), {
      exitOnCtrlC: false,
    });
    await app.waitUntilExit();
    for (const text of unsent) io.stdout.write(`${text}\n`);
  } finally {
    await connection.close();
  }
}
