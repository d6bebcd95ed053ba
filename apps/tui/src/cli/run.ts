import { EXIT, exitCodeFor } from './exit-code.js';
import type { CliIo } from './io.js';
import { labelLines } from './label-lines.js';
import { createProgram, type Handlers } from './program.js';

type Context = { groupId?: string; clusterName?: string; checkpointId?: string };

interface CommandOptions {
  groupId?: string | undefined;
  projectId?: string | undefined;
  clusterName?: string | undefined;
  checkpointId?: string | undefined;
  demo?: boolean | undefined;
}

/** What a run learned from the command line, for its error report. */
interface RunState {
  readonly context: Context;
  /** Where errors go: stderr, labelled `DEMO` in demo mode. */
  io: CliIo;
}

/** Remembers the ids for the error report and, with `--demo`, labels every stderr line `DEMO`. */
const enter = (state: RunState, io: CliIo, options: CommandOptions): CliIo => {
  const groupId = options.groupId ?? options.projectId;
  if (groupId !== undefined) state.context.groupId = groupId;
  if (options.clusterName !== undefined) state.context.clusterName = options.clusterName;
  if (options.checkpointId !== undefined) state.context.checkpointId = options.checkpointId;
  if (options.demo === true) state.io = { ...io, stderr: labelLines(io.stderr, 'DEMO: ') };
  return state.io;
};

const handlers = (io: CliIo, state: RunState): Handlers => ({
  browse: async (options) => (await import('./commands/browse-command.js')).runBrowse(options, enter(state, io, options)),
  list: async (what, options) =>
    (await import('./commands/list-command.js')).runListCommand(what, options, enter(state, io, options)),
  get: async (options) => (await import('./commands/get-command.js')).runGetCommand(options, enter(state, io, options)),
  latest: async (options) => (await import('./commands/latest-command.js')).runLatestCommand(options, enter(state, io, options)),
  restoreList: async (what, options) => {
    const commands = await import('./commands/restore-commands.js');
    const command = what === 'snapshots' ? commands.runSnapshotsCommand : commands.runRestoresCommand;
    return command(options, enter(state, io, options));
  },
});

/**
 * Runs the CLI and returns its exit code; the one place errors are caught: 0 ok, 1 API error
 * (message and errorCode on stderr), 2 bad usage or configuration. Commands load core, Ink and
 * testkit lazily, so `--help` starts fast.
 *
 * @example
 * process.exitCode = await run(process.argv.slice(2), processIo());
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const state: RunState = { context: {}, io };
  try {
    await createProgram(io, handlers(io, state)).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Error && error.name === 'CommanderError') {
      const code = (error as Error & { exitCode: number }).exitCode;
      return code === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof Error && error.name === 'Interrupted') return EXIT.interrupted;
    const { reportError } = await import('./report-error.js');
    reportError(error, state.io.stderr, state.context);
    return exitCodeFor(error);
  }
}
