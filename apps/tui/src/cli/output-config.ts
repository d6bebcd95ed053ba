import { ConfigError, isConfigError, resolveConfig, type ResolvedConfig } from '@atlas-checkpoints/core';
import { OUTPUT_FORMATS, type OutputFormat } from './output.js';

/** The Atlas CLI's `output` values this tool reads as its own (`plaintext` is its table). */
const OUTPUT_ALIASES: Readonly<Record<string, OutputFormat>> = { plaintext: 'table' };

/** What demo mode ignores: the Atlas credentials (demo reads no Atlas). */
const CREDENTIAL_VARIABLES = new Set([
  'MONGODB_ATLAS_CLIENT_ID',
  'MONGODB_ATLAS_CLIENT_SECRET',
  'MONGODB_ATLAS_PUBLIC_API_KEY',
  'MONGODB_ATLAS_PRIVATE_API_KEY',
  'MONGODB_ATLAS_ACCESS_TOKEN',
]);

/**
 * The default `-o` the configuration names (`output` / `MONGODB_ATLAS_OUTPUT`), when any.
 *
 * @throws {ConfigError} when it names no format this tool prints.
 * @example
 * defaultOutput(await resolveConfig()) // 'json' with MONGODB_ATLAS_OUTPUT=json
 */
export function defaultOutput(config: Pick<ResolvedConfig, 'output' | 'sources'>): OutputFormat | undefined {
  if (config.output === undefined) return undefined;
  const value = OUTPUT_ALIASES[config.output] ?? config.output;
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  const source = config.sources.output;
  const where =
    source?.from === 'env' ? `env ${source.variable}` : source?.from === 'profile' ? `profile "${source.profile}"` : 'config';
  throw new ConfigError(
    `output ${JSON.stringify(config.output.slice(0, 40))} from ${where} is not one of ${OUTPUT_FORMATS.join(', ')}: pass -o`,
  );
}

/**
 * Demo mode's default `-o`: the same configuration reading as against Atlas (env, then the
 * profile), the Atlas credentials left out. A profile demo cannot read (missing, half a pair)
 * leaves `MONGODB_ATLAS_OUTPUT` alone to decide.
 *
 * @throws {ConfigError} when the configured output names no format this tool prints.
 * @example
 * await demoOutput(undefined, { MONGODB_ATLAS_OUTPUT: 'json' }) // 'json'
 */
export async function demoOutput(
  profile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<OutputFormat | undefined> {
  const withoutCredentials = Object.fromEntries(Object.entries(env).filter(([name]) => !CREDENTIAL_VARIABLES.has(name)));
  const config = await resolveConfig({ flags: { profile }, flagNames: { profile: 'profile' }, env: withoutCredentials }).catch(
    (error: unknown) => {
      if (!isConfigError(error)) throw error;
      const noFile = Object.assign(new Error('no config file in demo mode'), { code: 'ENOENT' });
      return resolveConfig({
        env: { MONGODB_ATLAS_OUTPUT: env['MONGODB_ATLAS_OUTPUT'] },
        readFile: () => Promise.reject(noFile),
      });
    },
  );
  return defaultOutput(config);
}
