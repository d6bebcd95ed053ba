import { accessToken } from '../auth/access-token.js';
import { apiKey } from '../auth/api-key.js';
import { none } from '../auth/none.js';
import { serviceAccount } from '../auth/service-account.js';
import type { AtlasAuth } from '../auth/types.js';
import { ConfigError } from '../errors/index.js';
import { normalizeBaseUrl } from './base-url.js';
import { CONFIG_FIELDS, PROFILE_ENV, SERVICE_BASE_URLS } from './config-fields.js';
import { defaultConfigPath } from './config-path.js';
import { describeSource } from './describe-source.js';
import { readProfile } from './read-profile.js';
import type { TokenCache } from '../auth/token-cache.js';
import type { ConfigField, FieldSource, ResolveConfigOptions, ResolvedConfig } from './types.js';

type Found = { value: string; source: FieldSource };
type FlagNames = Readonly<Partial<Record<ConfigField | 'profile', string>>>;

/** How the credential choice reads its inputs. */
interface AuthContext {
  readonly profile: string;
  readonly configPath: string;
  /** Empty: every field has a flag of its own name. */
  readonly flagNames: FlagNames;
  readonly tokenCache: TokenCache | undefined;
}

/**
 * Resolves credentials, base URL and project the way the Atlas CLI does. Per field: flags, then
 * env (`MONGODB_ATLAS_*`, the profile key upper-cased), then the `config.toml` profile, then the
 * default. Credentials: a service account (id and secret), then an API key (public and private),
 * then an access token (`access_token`, as `atlas auth login` keeps it); an access token given by
 * flag or env wins over credentials found only in the profile. Half a pair is an error unless a
 * complete service account is present. `service = "cloudgov"` makes Atlas for Government's URL the
 * default base URL. `sources` says where each value came from, never the value.
 *
 * @throws {ConfigError} for half a credential pair, a malformed config file, a named profile that
 *   does not exist, a bad base URL, service, project id or access token. Messages never contain a secret.
 * @example
 * const config = await resolveConfig({ flags: { profile: 'work' } });
 * const client = createAtlasClient({ baseUrl: config.baseUrl, auth: config.auth });
 */
export async function resolveConfig(options: ResolveConfigOptions = {}): Promise<ResolvedConfig> {
  const flags = options.flags ?? {};
  const env = options.env ?? process.env;
  const configPath = options.configPath ?? defaultConfigPath(env);

  const flagNames: FlagNames = options.flagNames ?? {};
  const flagName = (field: ConfigField | 'profile'): string => flagNames[field] ?? field;
  const flagProfile = clean(flags.profile);
  const envProfile = clean(env[PROFILE_ENV]);
  const profile = flagProfile ?? envProfile ?? 'default';
  const profileSource: FieldSource = flagProfile
    ? { from: 'flag', flag: flagName('profile') }
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
    if (flag !== undefined) found[field] = { value: flag, source: { from: 'flag', flag: flagName(field) } };
    else if (fromEnv !== undefined) found[field] = { value: fromEnv, source: { from: 'env', variable } };
    else if (inProfile !== undefined)
      found[field] = { value: inProfile, source: { from: 'profile', profile, key, path: configPath } };
  }

  const service = found.service?.value ?? 'cloud';
  if (service !== 'cloud' && service !== 'cloudgov') {
    throw new ConfigError(
      `The service from ${describeSource((found.service as Found).source)} must be "cloud" or "cloudgov" (Atlas for Government), got ${JSON.stringify(service.slice(0, 32))}`,
    );
  }
  const baseUrl = found.baseUrl
    ? normalizeBaseUrl(found.baseUrl.value, describeSource(found.baseUrl.source))
    : (SERVICE_BASE_URLS[service] as string);
  if (found.projectId && !/^[a-f0-9]{24}$/.test(found.projectId.value)) {
    throw new ConfigError(
      `The project id from ${describeSource(found.projectId.source)} must be 24 lower-case hex digits, got ${JSON.stringify(found.projectId.value.slice(0, 64))}`,
    );
  }
  const { auth, credentials } = chooseAuth(found, { profile, configPath, flagNames, tokenCache: options.tokenCache });
  const sources: Record<string, FieldSource> = {
    profile: profileSource,
    baseUrl: found.baseUrl?.source ?? found.service?.source ?? { from: 'default' },
  };
  for (const [field, entry] of Object.entries(found)) sources[field] = entry.source;
  return {
    baseUrl,
    auth,
    credentials,
    ...(found.projectId ? { projectId: found.projectId.value } : {}),
    service,
    ...(found.output ? { output: found.output.value } : {}),
    profile,
    configPath,
    sources: sources as ResolvedConfig['sources'],
  };
}

function chooseAuth(
  found: Partial<Record<ConfigField, Found>>,
  context: AuthContext,
): { auth: AtlasAuth; credentials: ResolvedConfig['credentials'] } {
  const { clientId, clientSecret, publicApiKey, privateApiKey, accessToken: token } = found;
  const explicit = (entry: Found | undefined) => entry !== undefined && entry.source.from !== 'profile';
  // An access token named on the command line or in the environment wins over a profile's credentials.
  if (token && explicit(token) && ![clientId, clientSecret, publicApiKey, privateApiKey].some(explicit)) return tokenAuth(token);
  if (clientId && clientSecret) {
    return {
      auth: serviceAccount({ clientId: clientId.value, clientSecret: clientSecret.value, cache: context.tokenCache }),
      credentials: 'serviceAccount',
    };
  }
  halfPairError('service account', ['clientId', clientId], ['clientSecret', clientSecret], context);
  if (publicApiKey && privateApiKey) {
    return { auth: apiKey({ publicKey: publicApiKey.value, privateKey: privateApiKey.value }), credentials: 'apiKey' };
  }
  halfPairError('API key', ['publicApiKey', publicApiKey], ['privateApiKey', privateApiKey], context);
  if (token) return tokenAuth(token);
  return { auth: none(), credentials: 'none' };
}

function tokenAuth(entry: Found): { auth: AtlasAuth; credentials: 'accessToken' } {
  try {
    return { auth: accessToken(entry.value), credentials: 'accessToken' };
  } catch {
    throw new ConfigError(
      `The access token from ${describeSource(entry.source)} is not a bearer token (letters, digits, -._~+/ and trailing =)`,
    );
  }
}

function halfPairError(
  what: string,
  [firstName, first]: [ConfigField, Found | undefined],
  [secondName, second]: [ConfigField, Found | undefined],
  { profile, configPath, flagNames }: AuthContext,
): void {
  if (Boolean(first) === Boolean(second)) return;
  const [presentName, present, missingName] = first ? [firstName, first, secondName] : [secondName, second as Found, firstName];
  const missing = CONFIG_FIELDS[missingName];
  // with flag names given, a field without one has no flag to suggest
  const flag = Object.keys(flagNames).length === 0 ? missingName : flagNames[missingName];
  throw new ConfigError(
    `Incomplete ${what} credentials: ${presentName} is set (${describeSource(present.source)}) but ${missing.env} is not. ` +
      `Set ${missing.env}, ${flag === undefined ? '' : `pass --${flag}, `}or add ${missing.key} to profile "${profile}" in ${configPath}.`,
  );
}

function clean(value: string | undefined): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : undefined;
  return trimmed ? trimmed : undefined;
}
