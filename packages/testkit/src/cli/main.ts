import { CommanderError } from 'commander';
import { createFakeAtlas } from '../fake/create-fake-atlas.js';
import { generateFixtures } from '../fixtures/generate-fixtures.js';
import { parseArgs, UsageError } from './parse-args.js';

/** What `main` needs from the process (injected for tests). */
export interface MainIo {
  readonly argv: readonly string[];
  readonly env: Record<string, string | undefined>;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Resolves when the process should stop (SIGINT/SIGTERM). */
  readonly stopSignal: Promise<string>;
}

/**
 * Runs the fake server until `stopSignal`; prints the base URL as the first stdout line.
 * Returns the exit code: 0 on a clean stop, 2 on a usage error, 1 otherwise.
 *
 * @example
 * process.exitCode = await main({ argv: process.argv.slice(2), env: process.env, stdout, stderr, stopSignal });
 */
export async function main(io: MainIo): Promise<number> {
  try {
    const config = parseArgs(io.argv, io.env);
    const fake = createFakeAtlas({ fixtures: generateFixtures(config.fixtures), auth: config.auth, latencyMs: config.latencyMs });
    const server = await fake.listen({ port: config.port, host: config.host });
    io.stdout(server.url);
    const authMode = config.auth === 'none' ? 'none' : Object.keys(config.auth).join('+');
    io.stderr(
      `fake Atlas serving ${fake.fixtures.projects.length} projects (seed ${fake.fixtures.seed}, auth ${authMode}) at ${server.url}`,
    );
    const signal = await io.stopSignal;
    io.stderr(`received ${signal}, closing`);
    await server.close();
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      io.stderr(error.message);
      return 2;
    }
    if (error instanceof UsageError || error instanceof RangeError || error instanceof TypeError) {
      io.stderr(`atlas-checkpoints-fake: ${error.message}`);
      return 2;
    }
    io.stderr(`atlas-checkpoints-fake: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
