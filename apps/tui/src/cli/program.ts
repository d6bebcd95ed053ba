import { createRequire } from 'node:module';
import { redactCredentials } from '@atlas-checkpoints/core/redact';
import { Command, Option } from 'commander';
import type { BrowseOptions } from './commands/browse-command.js';
import type { GetCommandOptions } from './commands/get-command.js';
import type { LatestCommandOptions } from './commands/latest-command.js';
import type { ListCommandOptions } from './commands/list-command.js';
import type { RestoreListOptions } from './commands/restore-commands.js';
import { completionScript, SHELLS, type CompletionSpec, type Shell } from './completion.js';
import { DEMO_CHECKPOINTS } from './demo.js';
import { durationArg } from './duration.js';
import type { CliIo } from './io.js';
import { DEFAULT_SHOWN, LATEST_KINDS, RESTORE_POINT_KIND_CHOICES } from './kinds.js';
import { booleanArg, integerArg, objectIdArg } from './options.js';
import { OUTPUT_FORMATS } from './output.js';
import { USAGE_HINT } from './usage-error.js';

const manifest = createRequire(import.meta.url)('../../package.json') as { version: string };

const examples = (lines: readonly string[]): string => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

function common(command: Command): Command {
  return command
    .option(
      '--groupId <id>',
      'project id (24 hex digits); default MONGODB_ATLAS_PROJECT_ID or the profile project_id',
      objectIdArg('--groupId'),
    )
    .option('--projectId <id>', 'alias of --groupId', objectIdArg('--projectId'))
    .option('-P, --profile <name>', 'Atlas CLI profile in $XDG_CONFIG_HOME/atlascli/config.toml')
    .option('--baseUrl <url>', 'Atlas base URL (env MONGODB_ATLAS_OPS_MANAGER_URL); point it at the proxy to use its cache')
    .option(
      '--accessToken <token>',
      'bearer token (env MONGODB_ATLAS_ACCESS_TOKEN, profile access_token); your proxy token for atlas-checkpoints-proxy',
    )
    .option('--demo', 'use an embedded fake Atlas with generated sample data (never used unless asked for)')
    .addOption(
      new Option('--demo-checkpoints <n>', 'checkpoints in the first demo cluster')
        .argParser(integerArg('--demo-checkpoints', 0, 1_000_000))
        .default(DEMO_CHECKPOINTS),
    );
}

const output = (): Option =>
  new Option('-o, --output <format>', "output format (default: the profile's output, else table)").choices(OUTPUT_FORMATS);

function listOptions(command: Command): Command {
  return command
    .option('--pageNum <n>', 'page to fetch (from 1)', integerArg('--pageNum', 1, 1_000_000))
    .option('--itemsPerPage <n>', 'items per page (1-500)', integerArg('--itemsPerPage', 1, 500))
    .option('--includeCount <bool>', 'ask for totalCount (true|false)', booleanArg('--includeCount'))
    .option('--all', 'fetch every page (ndjson and csv stream as pages arrive; progress on stderr)')
    .option('--limit <n>', 'stop after n items (walks pages as needed)', integerArg('--limit', 1, 100_000_000))
    .addOption(output());
}

/** Options of `snapshots` and `restores`: every item is read (merged newest first), `--all`/`--limit` say how many print. */
function restoreListOptions(command: Command): Command {
  return command
    .requiredOption('--clusterName <name>', 'cluster name')
    .option('--all', `print every item (default: the newest ${DEFAULT_SHOWN})`)
    .option('--limit <n>', 'print the newest n', integerArg('--limit', 1, 100_000_000))
    .addOption(output());
}

/** The handlers the program calls; `run` wires them to lazily imported modules. */
export interface Handlers {
  browse(options: BrowseOptions): Promise<void>;
  list(what: 'projects' | 'clusters' | 'checkpoints', options: ListCommandOptions): Promise<void>;
  get(options: GetCommandOptions): Promise<void>;
  latest(options: LatestCommandOptions): Promise<void>;
  restoreList(what: 'snapshots' | 'restores', options: RestoreListOptions): Promise<void>;
}

/**
 * The `atlas-checkpoints` command line (commander): browse (default), list, get, latest, projects, clusters,
 * completion. Usage errors are one line plus {@link USAGE_HINT}; an unknown command gets commander's "did you mean".
 *
 * @example
 * await createProgram(io, handlers).parseAsync(['list', '--demo', '-o', 'json'], { from: 'user' });
 */
export function createProgram(io: CliIo, handlers: Handlers): Command {
  const program = common(new Command('atlas-checkpoints'))
    .description('Browse and script MongoDB Atlas legacy backup checkpoints.')
    .version(manifest.version, '-v, --version', 'print the version')
    .option('--clusterName <name>', 'open this cluster (with --groupId)')
    .option('--checkpointId <id>', 'open this checkpoint (with --groupId and --clusterName)')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .option('--refresh <duration>', 're-read the list on screen every <duration> (e.g. 30s, 5m)', durationArg('--refresh', 1000))
    .enablePositionalOptions()
    // commander repeats a refused argument as typed: a URL's password must not reach the terminal's log.
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(redactCredentials(s)),
    })
    .exitOverride()
    .showHelpAfterError(USAGE_HINT)
    .addHelpText(
      'after',
      examples([
        'atlas-checkpoints',
        'atlas-checkpoints --demo',
        'atlas-checkpoints list --projectId 5f1b… --clusterName Cluster0 --all -o ndjson',
      ]),
    )
    // A word that is no command reaches the bare command: commander's own "unknown command … (Did you mean …?)".
    .allowExcessArguments(true)
    .action((options: BrowseOptions, command: Command) => {
      if (command.args.length > 0) (command as unknown as { unknownCommand(): never }).unknownCommand();
      return handlers.browse(options);
    });

  common(program.command('browse'))
    .description('open the terminal browser (projects → clusters → checkpoints → detail); flags jump into a level')
    .option('--clusterName <name>', 'open this cluster')
    .option('--checkpointId <id>', 'open this checkpoint')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .option('--refresh <duration>', 're-read the list on screen every <duration> (e.g. 30s, 5m)', durationArg('--refresh', 1000))
    .addHelpText(
      'after',
      examples([
        'atlas-checkpoints browse --projectId 5f1b… --clusterName Cluster0',
        'atlas-checkpoints browse --demo --no-color',
      ]),
    )
    .action((options: BrowseOptions) => handlers.browse(options));

  listOptions(common(program.command('list')))
    .description("list a cluster's backup checkpoints")
    .option('--clusterName <name>', 'cluster name (required unless --demo, which defaults to the first demo cluster)')
    .addHelpText(
      'after',
      examples([
        'atlas-checkpoints list --groupId 5f1b… --clusterName Cluster0',
        'atlas-checkpoints list --groupId 5f1b… --clusterName Cluster0 -o json --pageNum 2 --itemsPerPage 50',
        'atlas-checkpoints list --groupId 5f1b… --clusterName Cluster0 --all -o ndjson | jq .id',
        'atlas-checkpoints list --demo --limit 1000 -o csv > checkpoints.csv',
      ]),
    )
    .action((options: ListCommandOptions) => handlers.list('checkpoints', options));

  common(program.command('get'))
    .description('get one backup checkpoint (json is the API document; table shows every field)')
    .requiredOption('--clusterName <name>', 'cluster name')
    .requiredOption('--checkpointId <id>', 'checkpoint id (24 hex digits)', objectIdArg('--checkpointId'))
    .addOption(output())
    .addHelpText('after', examples(['atlas-checkpoints get --groupId 5f1b… --clusterName Cluster0 --checkpointId 65a0… -o json']))
    .action((options: GetCommandOptions) => handlers.get(options));

  common(program.command('latest'))
    .description("print a cluster's newest checkpoint (reads the last page directly, not every page)")
    .requiredOption('--clusterName <name>', 'cluster name')
    .option('--restorable', 'the newest restorable one (checkpoint restorable, snapshot completed, legacy snapshot complete)')
    .addOption(
      new Option(
        '--kind <kind>',
        'which restore points: checkpoint (default), snapshot (Cloud Backup, either kind), shardedSnapshot, legacySnapshot, any',
      ).choices(LATEST_KINDS),
    )
    .addOption(output())
    .addHelpText(
      'after',
      examples([
        'atlas-checkpoints latest --groupId 5f1b… --clusterName Cluster0',
        'atlas-checkpoints latest --groupId 5f1b… --clusterName Cluster0 --restorable -o json | jq -r .id',
        'atlas-checkpoints latest --groupId 5f1b… --clusterName Cluster0 --kind snapshot --restorable',
      ]),
    )
    .action((options: LatestCommandOptions) => handlers.latest(options));

  restoreListOptions(common(program.command('snapshots')))
    .description(
      "list a cluster's restore points, newest first: Cloud Backup snapshots, legacy snapshots and checkpoints (kind, status, size or parts, expiry)",
    )
    .addOption(new Option('--kind <kind>', 'only this kind').choices(RESTORE_POINT_KIND_CHOICES))
    .addHelpText(
      'after',
      examples([
        'atlas-checkpoints snapshots --groupId 5f1b… --clusterName Cluster0',
        'atlas-checkpoints snapshots --groupId 5f1b… --clusterName Cluster0 --kind legacySnapshot --all -o ndjson',
      ]),
    )
    .action((options: RestoreListOptions) => handlers.restoreList('snapshots', options));

  restoreListOptions(common(program.command('restores')))
    .description("list a cluster's restore jobs, Cloud Backup and legacy, newest first, with their status and progress")
    .option('--running', 'only the jobs still running')
    .addHelpText(
      'after',
      examples([
        'atlas-checkpoints restores --groupId 5f1b… --clusterName Cluster0',
        'atlas-checkpoints restores --groupId 5f1b… --clusterName Cluster0 --running -o json',
      ]),
    )
    .action((options: RestoreListOptions) => handlers.restoreList('restores', options));

  listOptions(common(program.command('projects')))
    .description('list projects')
    .addHelpText('after', examples(['atlas-checkpoints projects', 'atlas-checkpoints projects -P work -o json']))
    .action((options: ListCommandOptions) => handlers.list('projects', options));

  listOptions(common(program.command('clusters')))
    .description("list a project's clusters")
    .addHelpText(
      'after',
      examples(['atlas-checkpoints clusters --projectId 5f1b…', 'atlas-checkpoints clusters --groupId 5f1b… -o csv']),
    )
    .action((options: ListCommandOptions) => handlers.list('clusters', options));

  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Command().createArgument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText(
      'after',
      examples([
        'source <(atlas-checkpoints completion bash)',
        'atlas-checkpoints completion fish > ~/.config/fish/completions/atlas-checkpoints.fish',
      ]),
    )
    .action((shell: Shell) => {
      io.stdout.write(completionScript(shell, completionSpec(program)));
    });

  for (const command of program.commands)
    command.configureOutput(program.configureOutput()).exitOverride().showHelpAfterError(USAGE_HINT);
  return program;
}

/** Commands and flags, read from the program itself so completion never drifts. */
function completionSpec(program: Command): CompletionSpec {
  const flagsOf = (c: Command): string[] => [
    ...c.options.flatMap((o) => [o.short, o.long].filter((f): f is string => f !== undefined)),
    '--help',
  ];
  return {
    program: program.name(),
    commands: [
      { name: 'browse', flags: flagsOf(program) },
      ...program.commands.filter((c) => c.name() !== 'browse').map((c) => ({ name: c.name(), flags: flagsOf(c) })),
    ],
    outputs: OUTPUT_FORMATS,
  };
}
