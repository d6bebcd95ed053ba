import { EXIT, exitCodeFor } from './exit-code.js';
import type { CliIo } from './io.js';
import { createProgram, type Handlers } from './program.js';

type Context = { groupId?: string; clusterName?: string; checkpointId?: string };

const remember = (
  context: Context,
  options: {
    groupId?: string | undefined;
    projectId?: string | undefined;
    clusterName?: string | undefined;
    checkpointId?: string | undefined;
  },
): void => {
  const groupId = options.groupId ?? options.projectId;
  if (groupId !== undefined) context.groupId = groupId;
  if (options.clusterName !== undefined) context.clusterName = options.clusterName;
  if (options.checkpointId !== undefined) context.checkpointId = options.checkpointId;
};

const handlers = (io: CliIo, context: Context): Handlers => ({
  browse: async (options) => (remember(context, options), (await import('./commands/browse-command.js')).runBrowse(options, io)),
  list: async (what, options) => (
    remember(context, options),
    (await import('./commands/list-command.js')).runListCommand(what, options, io)
  ),
  get: async (options) => (remember(context, options), (await import('./commands/get-command.js')).runGetCommand(options, io)),
});

/**
 * Runs the CLI and returns its exit code; the one place errors are caught: 0 ok, 1 API error
 * (message and errorCode on stderr), 2 bad usage. Commands load core, Ink and testkit lazily, so
 * `--help` starts fast.
 *
 * @example
 * process.exitCode = await run(process.argv.slice(2), processIo());
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const context: Context = {};
  try {
    await createProgram(io, handlers(io, context)).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Error && error.name === 'CommanderError') {
      const code = (error as Error & { exitCode: number }).exitCode;
      return code === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof Error && error.name === 'Interrupted') return EXIT.interrupted;
    const { reportError } = await import('./report-error.js');
    reportError(error, io.stderr, context);
    return exitCodeFor(error);
  }
}
