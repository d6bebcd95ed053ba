import type { ResolvedConfig } from '@atlas-checkpoints/core';

/** The variables `resolveConfig` reads (profile keys upper-cased), to spot a near miss such as `MONGODB_ATLAS_CLIENTID`. */
const KNOWN = [
  'MONGODB_ATLAS_CLIENT_ID',
  'MONGODB_ATLAS_CLIENT_SECRET',
  'MONGODB_ATLAS_PUBLIC_API_KEY',
  'MONGODB_ATLAS_PRIVATE_API_KEY',
  'MONGODB_ATLAS_ACCESS_TOKEN',
  'MONGODB_ATLAS_PROJECT_ID',
  'MONGODB_ATLAS_ORG_ID',
  'MONGODB_ATLAS_OPS_MANAGER_URL',
  'MONGODB_ATLAS_SERVICE',
  'MONGODB_ATLAS_OUTPUT',
  'MONGODB_ATLAS_PROFILE',
];

const squash = (name: string): string => name.replaceAll('_', '');

/**
 * How to configure credentials, one line: the variables, the profile and the flags that exist.
 * Shared by the no-credentials error and the 401 hint.
 */
export const CONFIGURE_CREDENTIALS =
  'Set MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET (service account), ' +
  'MONGODB_ATLAS_PUBLIC_API_KEY and MONGODB_ATLAS_PRIVATE_API_KEY (API key), ' +
  'or MONGODB_ATLAS_ACCESS_TOKEN or --accessToken (an access token; a proxy token for atlas-checkpoints-proxy); ' +
  'or pick an Atlas CLI profile with -P <name> (MONGODB_ATLAS_PROFILE).';

/** `MONGODB_ATLAS_*` variables set in `env` that this tool does not read, each with the name it probably meant. */
export function unknownAtlasVariables(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('MONGODB_ATLAS_') && !KNOWN.includes(name) && env[name] !== undefined)
    .sort()
    .map((name) => {
      const meant = KNOWN.find((known) => squash(known) === squash(name.toUpperCase()));
      return meant === undefined ? name : `${name} (did you mean ${meant}?)`;
    });
}

/**
 * The message of the no-credentials error: where it looked, how to configure, the near misses it
 * saw, and that `--demo` gives sample data.
 *
 * @example
 * throw new ConfigError(noCredentialsMessage(config, process.env));
 */
export function noCredentialsMessage(config: ResolvedConfig, env: Readonly<Record<string, string | undefined>>): string {
  const ignored = unknownAtlasVariables(env);
  return [
    `no Atlas credentials found (flags, MONGODB_ATLAS_* variables, profile "${config.profile}" in ${config.configPath}).`,
    CONFIGURE_CREDENTIALS,
    ...(ignored.length > 0 ? [`Ignored unknown variables: ${ignored.join(', ')}.`] : []),
    'Run with --demo for sample data from an embedded fake Atlas (not your data).',
  ].join('\n');
}
