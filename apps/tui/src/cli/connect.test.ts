import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isConfigError } from '@atlas-checkpoints/core';
import { describe, expect, it } from 'vitest';
import { connect, isNoCredentialsError } from './connect.js';
import type { CliIo } from './io.js';

const io = (env: Record<string, string>): CliIo => ({
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdinIsTTY: false,
  env: { HOME: mkdtempSync(join(tmpdir(), 'connect-')), ...env },
});
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('connect', () => {
  it('no credentials is a NoCredentialsError: a ConfigError the browser can tell apart', async () => {
    const error = await failure(connect({}, io({})));
    expect(isConfigError(error)).toBe(true);
    expect(isNoCredentialsError(error)).toBe(true);
    expect((error as Error).name).toBe('ConfigError');
    const half = await failure(connect({}, io({ MONGODB_ATLAS_CLIENT_ID: 'id' })));
    expect(isConfigError(half)).toBe(true);
    expect(isNoCredentialsError(half)).toBe(false);
  });

  it('--demo needs no credentials and says DEMO; deprecations are exposed for the browser', async () => {
    const connection = await connect({ demo: true, demoCheckpoints: 10 }, io({}));
    expect(connection.source).toEqual({ label: 'DEMO', demo: true });
    const seen: string[] = [];
    connection.feed.subscribeDeprecations((notice) => seen.push(notice.operationId));
    const [project] = (await connection.reader.listProjects()).results;
    const [cluster] = (await connection.reader.listClusters({ groupId: project!.id })).results;
    await connection.reader.listClusterBackupCheckpoints({ groupId: project!.id, clusterName: cluster!.name! });
    await connection.reader.listClusterBackupCheckpoints({ groupId: project!.id, clusterName: cluster!.name!, pageNum: 2 });
    expect(seen).toEqual(['listGroupClusterBackupCheckpoints']);
  });

  it('--demo reads the configured output like Atlas mode, ignoring the credentials (even half a pair)', async () => {
    const json = await connect({ demo: true, demoCheckpoints: 10 }, io({ MONGODB_ATLAS_OUTPUT: 'json' }));
    expect(json.output).toBe('json');
    const half = await connect(
      { demo: true, demoCheckpoints: 10 },
      io({ MONGODB_ATLAS_OUTPUT: 'plaintext', MONGODB_ATLAS_CLIENT_ID: 'id' }),
    );
    expect(half.output).toBe('table');
    const error = await failure(connect({ demo: true, demoCheckpoints: 10 }, io({ MONGODB_ATLAS_OUTPUT: 'yaml' })));
    expect(isConfigError(error)).toBe(true);
    expect(String(error)).toContain('output "yaml" from env MONGODB_ATLAS_OUTPUT is not one of');
  });

  it('a profile output this tool cannot print is a ConfigError naming where it came from', async () => {
    const error = await failure(connect({}, io({ MONGODB_ATLAS_ACCESS_TOKEN: 't', MONGODB_ATLAS_OUTPUT: 'go-template' })));
    expect(isConfigError(error)).toBe(true);
    expect(String(error)).toContain('output "go-template" from env MONGODB_ATLAS_OUTPUT is not one of table, json, ndjson, csv');
    const plaintext = await connect({}, io({ MONGODB_ATLAS_ACCESS_TOKEN: 't', MONGODB_ATLAS_OUTPUT: 'plaintext' }));
    expect(plaintext.output).toBe('table');
  });
});
