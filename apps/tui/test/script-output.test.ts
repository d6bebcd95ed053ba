import { existsSync, readFileSync } from 'node:fs';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import stringWidth from 'string-width';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from './bin-helpers.js';

const fixtures = generateFixtures({ seed: 9, projects: 3, clustersPerProject: 2, checkpointsPerCluster: 1200 });
const [first, second, third] = fixtures.projects as [
  (typeof fixtures.projects)[0],
  (typeof fixtures.projects)[0],
  (typeof fixtures.projects)[0],
];
// names Atlas allows (\p{L}, @, +): a CJK name, and ones a spreadsheet would run as a formula
first.group.name = '東京本番環境';
second.group.name = '@SUM(1+1)';
third.group.name = '+cmd';
const groupId = first.group.id;
const sharded = first.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!;
const clusterName = String(sharded.cluster.name);
const checkpoints = sharded.checkpoints as Array<{ id: string; restorable?: boolean }>;
// the two newest are not restorable
checkpoints[1199]!.restorable = false;
checkpoints[1198]!.restorable = false;
checkpoints[1197]!.restorable = true;
const fake = createFakeAtlas({ fixtures });
let server: { url: string; close(): Promise<void> | void };
let base: string[];
const checkpointCalls = () => fake.requests().filter((request) => request.route === 'listGroupClusterBackupCheckpoints');

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npx tsc -b tsconfig.lib.json" first`);
  server = await fake.listen({ port: 0, host: '127.0.0.1' });
  base = ['--baseUrl', server.url];
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  fake.faults.clear();
  fake.clearRequests();
});

describe('latest', () => {
  it('prints the newest checkpoint reading two pages of 1,200 (the count, then the last page)', async () => {
    const { code, stdout } = await runBin(['latest', ...base, '--groupId', groupId, '--clusterName', clusterName, '-o', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }).id).toBe(checkpoints[1199]!.id);
    expect(checkpointCalls().map((call) => call.query['pageNum'])).toEqual(['1', '3']);
  });

  it('--restorable skips the newest that are not restorable', async () => {
    const { code, stdout } = await runBin([
      'latest',
      ...base,
      '--groupId',
      groupId,
      '--clusterName',
      clusterName,
      '--restorable',
      '-o',
      'ndjson',
    ]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect((JSON.parse(stdout) as { id: string; restorable: boolean }).id).toBe(checkpoints[1197]!.id);
  });

  it.each([
    ['csv', (out: string) => expect(out.split('\n')[1]).toMatch(new RegExp(`^${checkpoints[1199]!.id},`))],
    ['table', (out: string) => expect(out).toContain(`Checkpoint ${checkpoints[1199]!.id}`)],
  ])('-o %s', async (format, check) => {
    const { code, stdout } = await runBin(['latest', ...base, '--groupId', groupId, '--clusterName', clusterName, '-o', format]);
    expect(code).toBe(0);
    check(stdout);
  });

  it('a cluster without checkpoints: exit 1 and says so', async () => {
    const replicaSet = first.clusters.find((c) => c.cluster.clusterType !== 'SHARDED')!;
    const { code, stdout, stderr } = await runBin([
      'latest',
      ...base,
      '--groupId',
      groupId,
      '--clusterName',
      String(replicaSet.cluster.name),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`has no checkpoint`);
  });
});

describe('-o table and csv', () => {
  it('list -o table says what it leaves out: "100 of 1200 — use --all"', async () => {
    const { code, stdout, stderr } = await runBin(['list', ...base, '--groupId', groupId, '--clusterName', clusterName]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(101);
    expect(stderr).toContain('100 of 1200 — use --all\n');
    const all = await runBin(['projects', ...base]);
    expect(all.stderr).not.toContain('use --all');
  });

  it('widths in terminal cells: a CJK project name does not push later columns right', async () => {
    const { code, stdout } = await runBin(['projects', ...base]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[1]).toContain('東京本番環境');
    const orgAt = (line: string) => stringWidth(line.slice(0, line.search(/ORG$|[0-9a-f]{24}$/)));
    expect(new Set(lines.map(orgAt)).size).toBe(1);
  });

  it('csv: a name a spreadsheet would run as a formula starts with a quote', async () => {
    const { code, stdout } = await runBin(['projects', ...base, '-o', 'csv']);
    expect(code).toBe(0);
    expect(stdout).toContain(",'@SUM(1+1),");
    expect(stdout).toContain(",'+cmd,");
  });
});

describe('text from the network on stderr is made printable', () => {
  const hostile = 'Gone \u001b]52;c;ZWNobyBwd25lZA==\u0007 \u001b[2J now';
  it.each([['table'], ['json']])('an error detail with OSC 52 and CSI 2J (-o %s)', async (format) => {
    fake.faults.failNext(1, { status: 400, errorCode: 'INVALID_PARAMETER', detail: hostile });
    const { code, stderr } = await runBin(['projects', ...base, '-o', format]);
    expect(code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(stderr).toContain('Gone \uFFFD]52;c;ZWNobyBwd25lZA==\uFFFD \uFFFD[2J now');
  });
});

describe('usage', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await runBin(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('a usage error is one line plus the same hint everywhere; an unknown command gets "did you mean"', async () => {
    const unknown = await runBin(['list', '--nope']);
    expect(unknown).toMatchObject({ code: 2, stderr: "error: unknown option '--nope'\nRun with --help for usage.\n" });
    // commander repeats the argument as typed: a credential given to a flag that does not exist is not echoed
    const secret = await runBin(['list', '--clientSecret=s3cret-value']);
    expect(secret).toMatchObject({
      code: 2,
      stderr: "error: unknown option '--clientSecret=[REDACTED]'\nRun with --help for usage.\n",
    });
    const missing = await runBin(['get', ...base, '--groupId', groupId]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: required option '--clusterName <name>' not specified\nRun with --help for usage.\n$/);
    const noGroup = await runBin(['clusters', ...base]);
    expect(noGroup).toMatchObject({ code: 2 });
    expect(noGroup.stderr).toMatch(/^error: --groupId .* is required\nRun with --help for usage.\n$/);
    const typo = await runBin(['lates']);
    expect(typo).toMatchObject({
      code: 2,
      stderr: "error: unknown command 'lates'\n(Did you mean latest?)\nRun with --help for usage.\n",
    });
  });

  it('a bad --groupId names --groupId (and --projectId names --projectId)', async () => {
    const group = await runBin(['clusters', ...base, '--groupId', 'nope']);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('--groupId must be 24 lower-case hex digits, got "nope"');
    expect(group.stderr).not.toContain('--projectId');
    const project = await runBin(['clusters', ...base, '--projectId', 'nope']);
    expect(project.stderr).toContain('--projectId must be 24 lower-case hex digits');
    const env = await runBin(['clusters', ...base], { MONGODB_ATLAS_PROJECT_ID: 'nope' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('env MONGODB_ATLAS_PROJECT_ID');
  });
});
