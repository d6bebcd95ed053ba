import { printable } from '../../format/printable.js';
import { deprecationLine } from '../../source/response-feed.js';
import { connect, type Connection } from '../connect.js';
import type { CliIo } from '../io.js';
import type { GlobalOptions } from '../options.js';
import type { OutputFormat } from '../output.js';
import { UsageError } from '../usage-error.js';

/** What a script command reads through: the connection and the `-o` it settled on. */
export interface ScriptConnection {
  readonly connection: Connection;
  readonly output: OutputFormat;
}

/**
 * Connects a script command (`list`, `get`, `latest`, `projects`, `clusters`): never to the demo
 * unless `--demo` (then it says so on stderr first), one stderr line per deprecated operation,
 * and `-o` from the flag, else the profile's `output`, else `table`.
 *
 * @throws {ConfigError} with no credentials (how to configure them, and `--demo`) or a bad configuration.
 * @example
 * const { connection, output } = await connectScript(options, io);
 */
export async function connectScript(
  options: GlobalOptions & { readonly output?: OutputFormat | undefined },
  io: CliIo,
): Promise<ScriptConnection> {
  const connection = await connect(options, io);
  if (connection.source.demo) {
    io.stderr.write('sample data from an embedded fake Atlas, not your Atlas (drop --demo and configure credentials)\n');
  }
  connection.feed.subscribeDeprecations((notice) => io.stderr.write(`${printable(deprecationLine(notice))}\n`));
  return { connection, output: options.output ?? connection.output ?? 'table' };
}

const GROUP_REQUIRED = '--groupId (or --projectId, MONGODB_ATLAS_PROJECT_ID, or a profile project_id) is required';

/**
 * The project a script command reads: `--groupId`/`--projectId` or the configured one; in demo
 * mode the first demo project.
 *
 * @throws {UsageError} with no project outside demo mode.
 * @example
 * const groupId = await scriptProject(connection);
 */
export async function scriptProject(connection: Connection): Promise<string> {
  const groupId =
    connection.groupId ??
    (connection.source.demo ? (await connection.reader.listProjects({ itemsPerPage: 1 })).results[0]?.id : undefined);
  if (groupId === undefined) throw new UsageError(GROUP_REQUIRED);
  return groupId;
}
