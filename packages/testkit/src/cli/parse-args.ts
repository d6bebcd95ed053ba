import { Command, InvalidArgumentError, Option } from 'commander';
import type { FakeAuthOptions } from '../auth/types.js';
import type { FixtureOptions } from '../fixtures/types.js';

/** What the bin starts. */
export interface FakeServerConfig {
  readonly port: number;
  readonly host: string;
  readonly fixtures: FixtureOptions;
  readonly auth: FakeAuthOptions;
  readonly latencyMs: number;
}

/** A usage error: bad flag values or missing credentials (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(`expected an integer between ${min} and ${max}`);
    return n;
  };
}

function required(value: string | undefined, flag: string, envName: string, mode: string): string {
  if (!value) throw new UsageError(`--auth ${mode} needs ${flag} (or ${envName})`);
  return value;
}

/**
 * Parses the `atlas-checkpoints-fake` flags; credentials default to the Atlas CLI's env vars.
 *
 * @example
 * parseArgs(['--port', '0', '--seed', '42', '--auth', 'digest'], process.env);
 */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): FakeServerConfig {
  const program = new Command('atlas-checkpoints-fake')
    .description('A fake MongoDB Atlas API serving deterministic backup checkpoint fixtures.')
    .option('--port <port>', 'port to listen on (0 = any free port)', integer(0, 65535), 0)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--seed <seed>', 'fixture seed', integer(-(2 ** 31), 2 ** 31 - 1), 1)
    .option('--projects <n>', 'number of projects', integer(0, 10_000), 2)
    .option('--clusters-per-project <n>', 'clusters per project', integer(0, 1000), 2)
    .option('--checkpoints-per-cluster <n>', 'checkpoints per cluster', integer(0, 10_000_000), 200)
    .option('--interval-minutes <n>', 'minutes between checkpoints', integer(1, 10_080), 15)
    .option('--start-at <date>', 'ISO date of the first checkpoint', '2024-01-01T00:00:00Z')
    .addOption(new Option('--auth <mode>', 'authentication').choices(['none', 'digest', 'oauth']).default('none'))
    .option('--public-key <key>', 'API key public part (env MONGODB_ATLAS_PUBLIC_API_KEY)')
    .option('--private-key <key>', 'API key private part (env MONGODB_ATLAS_PRIVATE_API_KEY)')
    .option('--client-id <id>', 'service account client id (env MONGODB_ATLAS_CLIENT_ID)')
    .option('--client-secret <secret>', 'service account secret (env MONGODB_ATLAS_CLIENT_SECRET)')
    .option('--latency <ms>', 'latency added to every request', integer(0, 600_000), 0)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (text) => process.stdout.write(text) });
  program.parse([...argv], { from: 'user' });
  const o = program.opts<Record<string, string | number | undefined>>();
  const mode = String(o.auth);
  let auth: FakeAuthOptions = 'none';
  if (mode === 'digest') {
    const publicKey = required(
      (o.publicKey as string | undefined) ?? env.MONGODB_ATLAS_PUBLIC_API_KEY,
      '--public-key',
      'MONGODB_ATLAS_PUBLIC_API_KEY',
      mode,
    );
    const privateKey = required(
      (o.privateKey as string | undefined) ?? env.MONGODB_ATLAS_PRIVATE_API_KEY,
      '--private-key',
      'MONGODB_ATLAS_PRIVATE_API_KEY',
      mode,
    );
    auth = { digest: [{ publicKey, privateKey }] };
  } else if (mode === 'oauth') {
    const clientId = required(
      (o.clientId as string | undefined) ?? env.MONGODB_ATLAS_CLIENT_ID,
      '--client-id',
      'MONGODB_ATLAS_CLIENT_ID',
      mode,
    );
    const clientSecret = required(
      (o.clientSecret as string | undefined) ?? env.MONGODB_ATLAS_CLIENT_SECRET,
      '--client-secret',
      'MONGODB_ATLAS_CLIENT_SECRET',
      mode,
    );
    auth = { oauth: [{ clientId, clientSecret }] };
  }
  return {
    port: Number(o.port),
    host: String(o.host),
    fixtures: {
      seed: Number(o.seed),
      projects: Number(o.projects),
      clustersPerProject: Number(o.clustersPerProject),
      checkpointsPerCluster: Number(o.checkpointsPerCluster),
      intervalMinutes: Number(o.intervalMinutes),
      startAt: String(o.startAt),
    },
    auth,
    latencyMs: Number(o.latency),
  };
}
