import { constants } from 'node:os';
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
  /** `--refresh <duration>`, in ms. */
  readonly refresh?: number | undefined;
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

/** Switch to the terminal's alternate screen: the frames do not go to the scrollback. */
const ALT_SCREEN_ON = '\u001b[?1049h';
/**
 * Blank the alternate screen (ESC[2J, cursor home ESC[H) and switch back to the normal screen. The
 * blanking matters after the terminal grew: tmux 3.3a, on ESC[?1049l, first resizes the alternate
 * screen back to the size the normal screen was saved at, re-wrapping (reflowing) its lines; a frame
 * 200 columns wide re-wraps into more rows than the saved 24, and the rows that do not fit stay above
 * the restored normal screen, in front of the shell's output. A blank alternate screen has nothing to
 * re-wrap. Not ESC[3J: that erases the scrollback, which holds the user's own output.
 */
const ALT_SCREEN_OFF = '\u001b[2J\u001b[H\u001b[?1049l';
/** Show the cursor again (Ink hides it while drawing). */
const CURSOR_ON = '\u001b[?25h';
/** Signals sent from outside (`kill`, a closed terminal) that end the browser as Ctrl-C does. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Thrown after Ctrl-C in the browser: `run` exits 130 without a message, as after SIGINT. */
class Interrupted extends Error {
  override readonly name = 'Interrupted';
}

/**
 * Whether `connect` failed (or fell back to the demo) because no credentials are configured: the
 * browser then opens on a screen that says so and offers the demo.
 */
function missingCredentials(error: unknown): string | undefined {
  if (!(error instanceof Error) || !/credential/i.test(error.message)) return undefined;
  return ['ConfigError', 'UsageError', 'NoCredentialsError'].includes(error.name) ? error.message : undefined;
}

/**
 * Opens the browser in a terminal (Ink and React are loaded only here), on the alternate screen, or
 * prints a table otherwise. With no credentials (and no `--demo`) the browser opens on a screen that
 * says so and offers the demo. Ctrl-C ends it with exit code 130.
 *
 * @example
 * await runBrowse({ demo: true }, processIo());
 */
export async function runBrowse(options: BrowseOptions, io: CliIo): Promise<void> {
  const interactive = io.stdout.isTTY === true && io.stdinIsTTY;
  let connection: Connection | undefined;
  let noCredentials: { reason: string | undefined } | undefined;
  try {
    connection = await connect(options, io);
    if (connection.source.demo && options.demo !== true) noCredentials = { reason: undefined };
  } catch (error) {
    const reason = missingCredentials(error);
    if (reason === undefined || !interactive) throw error;
    noCredentials = { reason };
  }
  const connections: Connection[] = connection === undefined ? [] : [connection];
  try {
    if (!interactive && connection !== undefined) {
      await printLevel(connection, options, io);
      return;
    }
    let demo = connection;
    if (demo === undefined || !demo.source.demo) {
      demo = noCredentials === undefined ? undefined : await connect({ ...options, demo: true }, io);
      if (demo !== undefined) connections.push(demo);
    }
    const [{ render }, { Browser }, { ColorContext }, { NoCredentials }] = await Promise.all([
      import('ink'),
      import('../../ui/browser.js'),
      import('../../ui/color.js'),
      import('../../ui/no-credentials.js'),
    ]);
    const unsent: string[] = [];
    let interrupted = false;
    const copy = (text: string): boolean => {
      if (!canUseOsc52(io.stdout, io.env)) return false;
      io.stdout.write(osc52(text));
      return true;
    };
    const browse = (on: Connection) =>
      createElement(Browser, {
        reader: on.reader,
        source: on.source,
        feed: on.feed,
        start: { groupId: on.groupId, clusterName: options.clusterName, checkpointId: options.checkpointId },
        refreshMs: options.refresh,
        copy,
        onQuit: (state) => {
          unsent.push(...state.unsentCopies);
          interrupted = state.interrupted;
        },
      });
    const root =
      noCredentials === undefined || demo === undefined
        ? browse(connection as Connection)
        : createElement(NoCredentials, {
            reason: noCredentials.reason,
            demo: () => browse(demo),
            onQuit: (byCtrlC: boolean) => {
              interrupted = byCtrlC;
            },
          });
    io.stdout.write(ALT_SCREEN_ON);
    let app: { unmount: () => void } | undefined;
    // `kill -TERM`, SIGINT from outside, SIGHUP: leave the alternate screen and show the cursor before
    // exiting 128 + the signal's number (130, 143, 129), as shells expect; else the last frame stays on screen.
    const onSignal = (signal: (typeof ENDING_SIGNALS)[number]): void => {
      try {
        app?.unmount();
      } catch {
        // already unmounted
      }
      io.stdout.write(ALT_SCREEN_OFF + CURSOR_ON);
      process.exit(128 + constants.signals[signal]);
    };
    for (const signal of ENDING_SIGNALS) process.on(signal, onSignal);
    try {
      const rendered = render(
        createElement(ColorContext.Provider, { value: colorEnabled(io.env, options.color !== false) }, root),
        {
          exitOnCtrlC: false,
        },
      );
      app = rendered;
      await rendered.waitUntilExit();
    } finally {
      for (const signal of ENDING_SIGNALS) process.off(signal, onSignal);
      io.stdout.write(ALT_SCREEN_OFF);
    }
    for (const text of unsent) io.stdout.write(`${text}\n`);
    if (interrupted) throw new Interrupted('interrupted');
  } finally {
    for (const open of connections) await open.close();
  }
}
