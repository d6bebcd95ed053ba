import { existsSync } from 'node:fs';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from './bin-helpers.js';

const fixtures = generateFixtures({ seed: 7, projects: 2, clustersPerProject: 2, checkpointsPerCluster: 1200 });
const project = fixtures.projects[0]!;
const groupId = project.group.id;
// legacy checkpoints exist only for sharded clusters
const cluster = project.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!;
const clusterName = cluster.cluster.name!;
const checkpoint = cluster.checkpoints[3]!;
const fake = createFakeAtlas({ fixtures });
/** A page as `-o json` prints it. */
const parsePage = (text: string) =>
  JSON.parse(text) as { totalCount?: number; results: { id: string }[]; links: { rel: string }[] };
let server: { url: string; close(): Promise<void> | void };
let base: string[];

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npx tsc -b tsconfig.lib.json" first`);
  server = await fake.listen({ port: 0, host: '127.0.0.1' });
  base = ['--baseUrl', server.url];
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => fake.faults.clear());

describe('script commands against the fake Atlas', () => {
  it('list -o json prints the API page document', async () => {
    const { code, stdout, stderr } = await runBin([
      'list',
      ...base,
      '--groupId',
      groupId,
      '--clusterName',
      clusterName,
      '-o',
      'json',
      '--itemsPerPage',
      '5',
    ]);
    // one line per deprecated operation (the fake sends Deprecation for the checkpoints operations)
    expect(stderr).toBe('Atlas deprecated listGroupClusterBackupCheckpoints (API 2023-01-01)\n');
    expect(code).toBe(0);
    const page = parsePage(stdout);
    expect(page.totalCount).toBe(1200);
    expect(page.results).toHaveLength(5);
    expect(page.links.map((l) => l.rel)).toContain('next');
  });

  it('list --all -o ndjson streams every checkpoint; --projectId is an alias', async () => {
    const { code, stdout } = await runBin([
      'list',
      ...base,
      '--projectId',
      groupId,
      '--clusterName',
      clusterName,
      '--all',
      '-o',
      'ndjson',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1200);
    expect(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(1200);
  });

  it('list --limit caps the walk; csv has a header', async () => {
    const { code, stdout } = await runBin([
      'list',
      ...base,
      '--groupId',
      groupId,
      '--clusterName',
      clusterName,
      '--limit',
      '7',
      '-o',
      'csv',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id,timestamp,restorable,parts,started,completed');
    expect(lines).toHaveLength(8);
  });

  it('projects and clusters print tables', async () => {
    const projects = await runBin(['projects', ...base]);
    expect(projects.code).toBe(0);
    expect(projects.stdout).toContain(project.group.name);
    const clusters = await runBin(['clusters', ...base, '--groupId', groupId]);
    expect(clusters.code).toBe(0);
    expect(clusters.stdout).toMatch(new RegExp(`^${clusterName}\\s`, 'm'));
  });

  it('get -o json prints the checkpoint document; table shows every field', async () => {
    const json = await runBin([
      'get',
      ...base,
      '--groupId',
      groupId,
      '--clusterName',
      clusterName,
      '--checkpointId',
      checkpoint.id,
      '-o',
      'json',
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: checkpoint.id, restorable: checkpoint.restorable });
    const table = await runBin([
      'get',
      ...base,
      '--groupId',
      groupId,
      '--clusterName',
      clusterName,
      '--checkpointId',
      checkpoint.id,
    ]);
    expect(table.stdout).toContain(`Checkpoint ${checkpoint.id}`);
    expect(table.stdout).toContain(`Parts (${checkpoint.parts?.length})`);
  });

  it('404: exit 1, message and errorCode on stderr, which id was not found', async () => {
    const { code, stdout, stderr } = await runBin([
      'get',
      ...base,
      '--groupId',
      groupId,
      '--clusterName',
      clusterName,
      '--checkpointId',
      'f'.repeat(24),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/errorCode: CHECKPOINT_NOT_FOUND/);
    expect(stderr).toContain(`Checkpoint ${'f'.repeat(24)} was not found`);
  });

  it('401: exit 1 with how to configure credentials', async () => {
    fake.faults.failNext(3, { status: 401, errorCode: 'UNEXPECTED_ERROR', detail: 'You are not authorized for this resource.' });
    const { code, stderr } = await runBin(['projects', ...base]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/401 Unauthorized/);
    expect(stderr).toMatch(/errorCode: UNEXPECTED_ERROR/);
    expect(stderr).toContain('MONGODB_ATLAS_CLIENT_ID');
  });

  it('403: exit 1 with the access list hint', async () => {
    fake.faults.failNext(1, {
      status: 403,
      errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST',
      detail: 'IP address 10.0.0.1 is not allowed to access this resource.',
    });
    const { code, stderr } = await runBin(['clusters', ...base, '--groupId', groupId]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/errorCode: IP_ADDRESS_NOT_ON_ACCESS_LIST/);
    expect(stderr).toMatch(/access list/);
  });

  it('429 then ok: retried after Retry-After, exit 0', async () => {
    fake.faults.rateLimitNext(1, { retryAfterSeconds: 1 });
    const { code, stdout } = await runBin(['projects', ...base, '-o', 'json']);
    expect(code).toBe(0);
    expect(parsePage(stdout).results).toHaveLength(2);
    expect(
      fake
        .requests()
        .slice(-2)
        .map((r) => r.status),
    ).toEqual([429, 200]);
  });

  it('bad usage exits 2: invalid id, missing flag, unknown option, bad format', async () => {
    const invalid = await runBin(['list', ...base, '--groupId', 'not-an-id', '--clusterName', clusterName]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/24 lower-case hex digits|groupId/);
    const missing = await runBin(['get', ...base, '--groupId', groupId]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--clusterName/);
    const unknown = await runBin(['list', '--nope']);
    expect(unknown.code).toBe(2);
    const format = await runBin(['list', '-o', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/table, json, ndjson, csv/);
    const conflict = await runBin(['clusters', ...base, '--groupId', groupId, '--projectId', 'f'.repeat(24)]);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toMatch(/disagree/);
    const noGroup = await runBin(['clusters', ...base]);
    expect(noGroup.code).toBe(2);
    expect(noGroup.stderr).toMatch(/--groupId/);
  });

  it('--help on every command has examples, and exits 0', async () => {
    for (const command of [[], ['browse'], ['list'], ['get'], ['projects'], ['clusters'], ['completion']]) {
      const { code, stdout } = await runBin([...command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('Examples:');
    }
  });

  it('prints completion scripts for bash, zsh and fish', async () => {
    const bash = await runBin(['completion', 'bash']);
    expect(bash.stdout).toContain('complete -F _atlas_checkpoints atlas-checkpoints');
    expect(bash.stdout).toContain('--clusterName');
    expect((await runBin(['completion', 'zsh'])).stdout).toContain('#compdef atlas-checkpoints');
    expect((await runBin(['completion', 'fish'])).stdout).toContain('complete -c atlas-checkpoints');
    expect((await runBin(['completion', 'tcsh'])).code).toBe(2);
  });

  it('demo mode: list --demo -o json works with no credentials and no server', async () => {
    const { code, stdout } = await runBin(['list', '--demo', '-o', 'json']);
    expect(code).toBe(0);
    expect(parsePage(stdout).results.length).toBeGreaterThan(0);
  });

  it('without a TTY, --demo prints a table and exits 0, every stderr line saying DEMO', async () => {
    const { code, stdout, stderr } = await runBin(['--demo']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ID\s+NAME\s+CLUSTERS/);
    for (const line of stderr.trimEnd().split('\n')) expect(line).toMatch(/^DEMO: /);
  });
});
