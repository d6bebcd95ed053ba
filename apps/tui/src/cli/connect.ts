import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  ConfigError,
  createAtlasClient,
  fileTokenCache,
  isConfigError,
  resolveConfig,
  type AtlasClient,
  type ResolvedConfig,
} from '@atlas-checkpoints/core';
import { createResponseFeed, type ResponseFeed } from '../source/response-feed.js';
import type { SourceInfo } from '../ui/header.js';
import { noCredentialsMessage, unknownAtlasVariables } from './credentials-help.js';
import { createDemoTransport } from './demo.js';
import type { CliIo } from './io.js';
import { groupIdOf, type GlobalOptions } from './options.js';
import type { OutputFormat } from './output.js';
import { defaultOutput, demoOutput } from './output-config.js';

/** A reader ready to use, where it reads from, and its project id default. */
export interface Connection {
  /** Core's client (it satisfies the browser's `AtlasReader`). */
  readonly reader: AtlasClient;
  readonly source: SourceInfo;
  readonly feed: ResponseFeed;
  /** `--groupId`/`--projectId`, else the configured project (env or profile). */
  readonly groupId: string | undefined;
  /** The default `-o` the profile (or `MONGODB_ATLAS_OUTPUT`) names, when any. */
  readonly output: OutputFormat | undefined;
  close(): Promise<void>;
}

/** How the connection reaches Atlas without reading credentials (tests). */
export interface ConnectOptions extends GlobalOptions {
  readonly accessToken?: string | undefined;
}

/**
 * No credentials are configured (a `ConfigError`, exit 2): the message says how to configure them
 * and that `--demo` gives sample data. The browser catches it to offer the demo instead.
 */
export class NoCredentialsError extends ConfigError {
  readonly noCredentials = true as const;
}

/** True for a {@link NoCredentialsError} (by `instanceof`, or by its `noCredentials` mark on a `ConfigError`). */
export function isNoCredentialsError(error: unknown): error is NoCredentialsError {
  return (
    error instanceof NoCredentialsError || (isConfigError(error) && (error as { noCredentials?: unknown }).noCredentials === true)
  );
}

/** Where a service account's token is kept between runs: `$XDG_CACHE_HOME/atlas-checkpoints`, else `~/.cache/atlas-checkpoints`. */
function tokenCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  const xdg = env['XDG_CACHE_HOME']?.trim();
  return join(xdg ? xdg : join(env['HOME']?.trim() || homedir(), '.cache'), 'atlas-checkpoints');
}

/** A base URL was given (flag, env or profile `ops_manager_url`), not implied by the default or a `service`. */
function baseUrlNamed(config: ResolvedConfig): boolean {
  const source = config.sources.baseUrl;
  return (
    source.from === 'flag' ||
    (source.from === 'env' && source.variable !== 'MONGODB_ATLAS_SERVICE') ||
    (source.from === 'profile' && source.key !== 'service')
  );
}

/**
 * Resolves flags, env and the Atlas CLI profile with core's `resolveConfig` and builds core's client.
 * With `--demo` it reads an embedded fake Atlas (the configured output still applies, the
 * credentials do not); it never falls back to it: with no credentials
 * and no base URL configured it throws a `ConfigError` saying how to configure them (exit 2).
 * A service account's token is kept under {@link tokenCacheDir} between runs.
 *
 * @throws {ConfigError} no credentials, or a configuration problem core found (half a pair, a missing profile, …).
 * @example
 * const { reader } = await connect({ groupId }, processIo());
 */
export async function connect(options: ConnectOptions, io: CliIo): Promise<Connection> {
  const flagGroupId = groupIdOf(options);
  const feed = createResponseFeed();
  if (options.demo === true) {
    const output = await demoOutput(options.profile, io.env);
    const transport = await createDemoTransport(options.demoCheckpoints);
    const reader = createAtlasClient({
      baseUrl: transport.baseUrl,
      fetch: transport.fetch,
      onResponse: feed.emit,
      onDeprecation: feed.deprecated,
    });
    return {
      reader,
      feed,
      source: { label: 'DEMO', demo: true },
      groupId: flagGroupId,
      output,
      close: async () => undefined,
    };
  }
  const config = await resolveConfig({
    flags: { profile: options.profile, baseUrl: options.baseUrl, projectId: flagGroupId, accessToken: options.accessToken },
    flagNames: {
      profile: 'profile',
      baseUrl: 'baseUrl',
      projectId: options.groupId !== undefined ? 'groupId' : 'projectId',
      accessToken: 'accessToken',
    },
    env: io.env,
    tokenCache: fileTokenCache(tokenCacheDir(io.env)),
  }).catch((error: unknown) => {
    // a near miss (MONGODB_ATLAS_CLIENTID) explains many a configuration error
    const ignored = unknownAtlasVariables(io.env);
    if (!isConfigError(error) || ignored.length === 0) throw error;
    throw new ConfigError(`${error.message}\nIgnored unknown variables: ${ignored.join(', ')}.`);
  });
  if (config.credentials === 'none' && !baseUrlNamed(config)) {
    throw new NoCredentialsError(noCredentialsMessage(config, io.env));
  }
  const output = defaultOutput(config);
  const reader = createAtlasClient({
    baseUrl: config.baseUrl,
    auth: config.auth,
    onResponse: feed.emit,
    onDeprecation: feed.deprecated,
    userAgent: 'atlas-checkpoints',
  });
  return {
    reader,
    feed,
    source: { label: config.baseUrl, demo: false },
    groupId: flagGroupId ?? config.projectId,
    output,
    close: async () => {
      await config.auth.close?.();
    },
  };
}
