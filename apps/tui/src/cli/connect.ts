import { createAtlasClient, resolveConfig, type AtlasClient } from '@atlas-checkpoints/core';
import { createResponseFeed, type ResponseFeed } from '../source/response-feed.js';
import type { SourceInfo } from '../ui/header.js';
import { createDemoTransport } from './demo.js';
import type { CliIo } from './io.js';
import { groupIdOf, type GlobalOptions } from './options.js';
import { UsageError } from './usage-error.js';

/** A reader ready to use, where it reads from, and its project id default. */
export interface Connection {
  /** Core's client (it satisfies the browser's `AtlasReader`). */
  readonly reader: AtlasClient;
  readonly source: SourceInfo;
  readonly feed: ResponseFeed;
  /** `--groupId`/`--projectId`, else the configured project (env or profile). */
  readonly groupId: string | undefined;
  close(): Promise<void>;
}

/**
 * Resolves flags, env and the Atlas CLI profile with core's `resolveConfig` and builds core's client.
 * With `--demo`, or with no credentials and no base URL configured, it reads an embedded fake Atlas.
 *
 * @example
 * const { reader } = await connect({ groupId }, processIo());
 */
export async function connect(options: GlobalOptions, io: CliIo): Promise<Connection> {
  const flagGroupId = groupIdOf(options);
  const config = await resolveConfig({
    flags: { profile: options.profile, baseUrl: options.baseUrl, projectId: flagGroupId },
    env: io.env,
  }).catch((error: unknown) => {
    // A bad flag, env variable or profile is a usage problem (exit 2), not an API error.
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  });
  const feed = createResponseFeed();
  const demo = options.demo === true || (config.credentials === 'none' && config.sources.baseUrl.from === 'default');
  if (demo) {
    const transport = await createDemoTransport(options.demoCheckpoints);
    const reader = createAtlasClient({
      baseUrl: transport.baseUrl,
      fetch: transport.fetch,
      onResponse: feed.emit,
      onDeprecation: feed.deprecated,
    });
    return { reader, feed, source: { label: 'DEMO', demo: true }, groupId: flagGroupId, close: async () => undefined };
  }
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
    close: async () => {
      await config.auth.close?.();
    },
  };
}
