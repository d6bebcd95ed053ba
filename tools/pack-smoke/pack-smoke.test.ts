import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv } from '../release/clean-env.js';
import { createConsumer, typecheckConsumer } from './consumer.js';
import { attwTarball, publintTarball } from './package-lint.js';
import { type Packed, packAll, stageWorkspace } from './stage.js';
import { type RunningServer, startServer } from './server-process.js';

const run = promisify(execFile);
const env = cleanEnv(process.env, { NO_COLOR: '1' });
const ATLAS_JSON = { accept: 'application/vnd.atlas.2023-01-01+json' };

describe('pack, install outside the workspace, use', () => {
  let work: string;
  let consumer: string;
  let packed: Packed[] = [];
  const servers: RunningServer[] = [];
  const bin = (name: string) => join(consumer, 'node_modules', '.bin', name);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'pack-smoke-'));
    await stageWorkspace(join(work, 'stage'));
    packed = await packAll(join(work, 'stage'), join(work, 'tarballs'));
    consumer = join(work, 'consumer');
    await mkdir(consumer);
    await createConsumer(
      consumer,
      packed.map((p) => p.tarball),
    );
    console.log(
      packed.map((p) => `${p.name}: ${p.size} B packed, ${p.unpackedSize} B unpacked, ${p.files.length} files`).join('\n'),
    );
  }, 300_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await rm(work, { recursive: true, force: true });
  });

  it('packs the four packages with dist, README and LICENSE, and nothing from src or tests', () => {
    expect(packed.map((p) => p.name).sort()).toEqual([
      '@atlas-checkpoints/api',
      '@atlas-checkpoints/core',
      '@atlas-checkpoints/testkit',
      '@atlas-checkpoints/tui',
    ]);
    for (const { name, files } of packed) {
      expect(files, name).toEqual(
        expect.arrayContaining(['package.json', 'LICENSE', 'README.md', 'dist/index.js', 'dist/index.d.ts']),
      );
      expect(
        files.filter((f) => /^src\/|\.test\.|\.map$|tsbuildinfo/.test(f)),
        name,
      ).toEqual([]);
    }
  });

  it('publint reports nothing on any tarball', async () => {
    for (const { tarball } of packed) expect(await publintTarball(tarball), tarball).toEqual([]);
  }, 60_000);

  it('@arethetypeswrong/cli (esm-only profile) reports nothing on any tarball', async () => {
    for (const { tarball } of packed) expect(await attwTarball(tarball), tarball).toEqual([]);
  }, 120_000);

  it('imports core and testkit as ESM and talks to the fake Atlas', async () => {
    const { stdout } = await run(process.execPath, ['runtime.mjs'], { cwd: consumer, env, timeout: 30_000 });
    const result = JSON.parse(stdout) as { projects: number; checkpoints: number; notFound: string };
    expect(result.projects).toBe(1);
    expect(result.checkpoints).toBe(12);
    expect(result.notFound).toMatch(/^404 /);
  });

  it.each(['nodenext', 'bundler'] as const)(
    'resolves the types with moduleResolution %s',
    async (mode) => {
      await expect(typecheckConsumer(consumer, mode)).resolves.toBeUndefined();
    },
    60_000,
  );

  it('installs every bin executable', async () => {
    for (const { bin: bins } of packed) {
      for (const name of Object.keys(bins)) expect((await stat(bin(name))).mode & 0o111, name).not.toBe(0);
    }
  });

  it('atlas-checkpoints --help prints usage', async () => {
    const { stdout } = await run(bin('atlas-checkpoints'), ['--help'], { cwd: consumer, env, timeout: 30_000 });
    expect(stdout).toMatch(/usage/i);
  });

  it('atlas-checkpoints list --demo -o json prints checkpoints as JSON', async () => {
    const { stdout } = await run(bin('atlas-checkpoints'), ['list', '--demo', '-o', 'json'], {
      cwd: consumer,
      env,
      timeout: 60_000,
    });
    const parsed = JSON.parse(stdout) as unknown;
    const rows = Array.isArray(parsed) ? parsed : (parsed as { results?: unknown[] }).results;
    expect(rows?.length).toBeGreaterThan(0);
  });

  it('atlas-checkpoints-proxy --demo answers /healthz and a checkpoint list', async () => {
    const proxy = await startServer(bin('atlas-checkpoints-proxy'), ['--demo', '--port', '0'], { cwd: consumer });
    servers.push(proxy);
    expect((await fetch(`${proxy.url}/healthz`)).status).toBe(200);
    const checkpoints = await walkToCheckpoints(proxy.url);
    expect(checkpoints.results.length).toBeGreaterThan(0);
    await proxy.stop();
  }, 60_000);

  it('atlas-checkpoints-fake --port 0 serves the Atlas paths', async () => {
    const fake = await startServer(bin('atlas-checkpoints-fake'), ['--port', '0'], { cwd: consumer });
    servers.push(fake);
    const checkpoints = await walkToCheckpoints(fake.url);
    expect(checkpoints.results.length).toBeGreaterThan(0);
    await fake.stop();
  }, 60_000);
});

interface ListBody {
  results: Array<{ id?: string; name?: string }>;
}

async function getList(url: string): Promise<ListBody> {
  const response = await fetch(url, { headers: ATLAS_JSON });
  if (response.status !== 200) throw new Error(`GET ${url} → ${response.status} ${await response.text()}`);
  return (await response.json()) as ListBody;
}

/** groups → first group's clusters → first cluster's checkpoints, as any Atlas client would walk. */
async function walkToCheckpoints(base: string): Promise<ListBody> {
  const groups = await getList(`${base}/api/atlas/v2/groups`);
  const groupId = groups.results[0]?.id ?? '';
  const clusters = await getList(`${base}/api/atlas/v2/groups/${groupId}/clusters`);
  const clusterName = clusters.results[0]?.name ?? '';
  return getList(`${base}/api/atlas/v2/groups/${groupId}/clusters/${clusterName}/backupCheckpoints`);
}
