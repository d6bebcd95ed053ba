import type { TokenCache } from '../auth/token-cache.js';
import type { AtlasAuth } from '../auth/types.js';

/** Values given on the command line (Atlas CLI flag names). Each one wins over env and profile. */
export interface ConfigFlags {
  readonly clientId?: string | undefined;
  readonly clientSecret?: string | undefined;
  readonly publicApiKey?: string | undefined;
  readonly privateApiKey?: string | undefined;
  /** A bearer token you already hold (`atlas auth login`, or a proxy token for `atlas-checkpoints-proxy`). */
  readonly accessToken?: string | undefined;
  readonly projectId?: string | undefined;
  readonly baseUrl?: string | undefined;
  /** `cloud` (default) or `cloudgov` (Atlas for Government): the base URL when none is given. */
  readonly service?: string | undefined;
  /** The caller's default output format (the Atlas CLI profile key `output`); not checked here. */
  readonly output?: string | undefined;
  /** The `config.toml` profile to read (default: `MONGODB_ATLAS_PROFILE`, then `default`). */
  readonly profile?: string | undefined;
}

/** Options of `resolveConfig`. */
export interface ResolveConfigOptions {
  readonly flags?: ConfigFlags | undefined;
  /** Environment variables (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The Atlas CLI config file (default `$XDG_CONFIG_HOME/atlascli/config.toml` or `~/.config/atlascli/config.toml`). */
  readonly configPath?: string | undefined;
  /** Reads a file as UTF-8 (default `fs.promises.readFile`); a rejection with code `ENOENT` means "no file". */
  readonly readFile?: ((path: string) => Promise<string>) | undefined;
  /**
   * How the caller's command line spells each flag (without dashes), for sources and advice in
   * errors, e.g. `{ baseUrl: 'upstream', profile: 'profile' }`. A field left out has no flag, so no
   * error suggests one. Default: every field under its own name.
   */
  readonly flagNames?: Readonly<Partial<Record<ConfigField | 'profile', string>>> | undefined;
  /** Where a service account's access token is kept between runs (e.g. `fileTokenCache(dir)`). Default: none. */
  readonly tokenCache?: TokenCache | undefined;
}

/** A configurable field, by its flag name. */
export type ConfigField =
  'clientId' | 'clientSecret' | 'publicApiKey' | 'privateApiKey' | 'accessToken' | 'projectId' | 'baseUrl' | 'service' | 'output';

/** Where one value came from (never the value itself). */
export type FieldSource =
  | { readonly from: 'flag'; readonly flag: string }
  | { readonly from: 'env'; readonly variable: string }
  | { readonly from: 'profile'; readonly profile: string; readonly key: string; readonly path: string }
  | { readonly from: 'default' };

/** Where each resolved field came from; credential fields appear only when they were found. */
export type ConfigSources = { readonly [K in ConfigField]?: FieldSource } & {
  readonly baseUrl: FieldSource;
  readonly profile: FieldSource;
};

/** The outcome of `resolveConfig`: what a client needs, and where it came from. */
export interface ResolvedConfig {
  /** Normalised: an http(s) URL without trailing slash. */
  readonly baseUrl: string;
  readonly auth: AtlasAuth;
  readonly credentials: 'serviceAccount' | 'apiKey' | 'accessToken' | 'none';
  readonly projectId?: string;
  /** The service the base URL defaults to: `cloud` or `cloudgov`. */
  readonly service: 'cloud' | 'cloudgov';
  /** The default output format the profile, env or flag names (unchecked: the caller knows its formats). */
  readonly output?: string;
  /** The profile name that was looked up. */
  readonly profile: string;
  /** The config file that was looked at (it may not exist). */
  readonly configPath: string;
  readonly sources: ConfigSources;
}
