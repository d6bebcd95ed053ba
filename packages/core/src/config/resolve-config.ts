import { apiKey } from '../auth/api-key.js';
import { none } from '../auth/none.js';
import { serviceAccount } from '../auth/service-account.js';
import type { AtlasAuth } from '../auth/types.js';
import { AtlasError } from '../errors/index.js';
import { normalizeBaseUrl } from './base-url.js';
import { CONFIG_FIELDS, DEFAULT_BASE_URL, PROFILE_ENV } from './config-fields.js';
import { defaultConfigPath } from './config-path.js';
import { describeSource } from './describe-source.js';
import { readProfile } from './read-profile.js';
import type { ConfigField, FieldSource, ResolveConfigOptions, ResolvedConfig } from './types.js';

type Found = { value: string; source: FieldSource };

/**
 * Resolves credentials, base URL and project the way the Atlas CLI does. Per field: flags, then
 * env (`MONGODB_ATLAS_*`), then the `config.toml` profile, then the default. Credentials: a service
 * account (id and secret) over an API key (public and private); half a pair is an error unless a
 * complete service account is present. `sources` says where each value came from, never the value.
 *
 * @throws {AtlasError} for half a credential pair, a malformed config file, a named profile that
 *   does not exist, a bad base URL or project id. Messages never contain a secret.
 * @example
 * const config = await resolveConfig({ flags: { profile: 'work' } });
 * const client = createAtlasClient({ baseUrl: config.baseUrl, auth: config.auth });
 */
export async function resolveConfig(options: ResolveConfigOptions = {}): Promise<ResolvedConfig> {
  const flags = options.flags ?? {};
  const env = options.env ?? process.env;
  const configPath = options.configPath ?? defaultConfigPath(env);

  const flagProfile = clean(flags.profile);
  const envProfile = clean(env[PROFILE_ENV]);
  const profile = flagProfile ?? envProfile ?? 'default';
  const profileSource: FieldSource = flagProfile
    ? { from: 'flag', flag: 'profile' }
    : envProfile
      ? { from: 'env', variable: PROFILE_ENV }
      : { from: 'default' };
  const fromProfile = await readProfile({
    path: configPath,
    profile,
    named: profileSource.from !== 'default',
    readFile: options.readFile,
  });

  const found: Partial<Record<ConfigField, Found>> = {};
  for (const [field, { env: variable, key }] of Object.entries(CONFIG_FIELDS) as Array<
    [ConfigField, { env: string; key: string }]
  >) {
    const flag = clean(flags[field]);
    const fromEnv = clean(env[variable]);
    const inProfile = fromProfile[field];
    if (flag !== undefined) found[field] = { value: flag, source: { from: 'flag', flag: field } };
    else if (fromEnv !== undefined) found[field] = { value: fromEnv, source: { from: 'env', variable } };
    else if (inProfile !== undefined)
      found[field] = { value: inProfile, source: { from: 'profile', profile, key, path: configPath } };
  }

  const baseUrl = found.baseUrl ? normalizeBaseUrl(found.baseUrl.value, describeSource(found.baseUrl.source)) : DEFAULT_BASE_URL;
  if (found.projectId && !/^[a-f0-9]{24}$/.test(found.projectId.value)) {
    throw new AtlasError(
      `The project id from ${describeSource(found.projectId.source)} must be 24 lower-case hex digits, got ${JSON.stringify(found.projectId.value.slice(0, 64))}`,
    );
  }
  const { auth, credentials } = chooseAuth(found, profile, configPath);

  const sources: Record<string, FieldSource> = { profile: profileSource, baseUrl: found.baseUrl?.source ?? { from: 'default' } };
  for (const [field, entry] of Object.entries(found)) sources[field] = entry.source;
  return {
    baseUrl,
    auth,
    credentials,
    ...(found.projectId ? { projectId: found.projectId.value } : {}),
    profile,
    configPath,
    sources: sources as ResolvedConfig['sources'],
  };
}

function chooseAuth(
  found: Partial<Record<ConfigField, Found>>,
  profile: string,
  configPath: string,
): { auth: AtlasAuth; credentials: ResolvedConfig['credentials'] } {
  const { clientId, clientSecret, publicApiKey, privateApiKey } = found;
  if (clientId && clientSecret) {
    return {
      auth: serviceAccount({ clientId: clientId.value, clientSecret: clientSecret.value }),
      credentials: 'serviceAccount',
    };
  }
  halfPairError('service account', ['clientId', clientId], ['clientSecret', clientSecret], profile, configPath);
  if (publicApiKey && privateApiKey) {
    return { auth: apiKey({ publicKey: publicApiKey.value, privateKey: privateApiKey.value }), credentials: 'apiKey' };
  }
  halfPairError('API key', ['publicApiKey', publicApiKey], ['privateApiKey', privateApiKey], profile, configPath);
  return { auth: none(), credentials: 'none' };
}

function halfPairError(
  what: string,
  [firstName, first]: [ConfigField, Found | undefined],
  [secondName, second]: [ConfigField, Found | undefined],
  profile: string,
  configPath: string,
): void {
  if (Boolean(first) === Boolean(second)) return;
  const [presentName, present, missingName] = first ? [firstName, first, secondName] : [secondName, second as Found, firstName];
  const missing = CONFIG_FIELDS[missingName];
  throw new AtlasError(
    `Incomplete ${what} credentials: ${presentName} is set (${describeSource(present.source)}) but ${missing.env} is not. ` +
      `Set ${missing.env}, pass --${missingName}, or add ${missing.key} to profile "${profile}" in ${configPath}.`,
  );
}

function clean(value: string | undefined): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : undefined;
  return trimmed ? trimmed : undefined;
}
