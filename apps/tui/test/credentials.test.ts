import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runBin } from './bin-helpers.js';

const fixtures = generateFixtures({ seed: 5, projects: 2, clustersPerProject: 2, checkpointsPerCluster: 20 });
const project = fixtures.projects[0]!;
const groupId = project.group.id;
const clusterName = String(project.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!.cluster.name);
const SA = { clientId: 'mdb_sa_id_cli', clientSecret: 'mdb_sa_sk_CLI-SECRET' };
const fake = createFakeAtlas({ fixtures, auth: { oauth: [SA] } });
let atlas: { url: string; close(): Promise<void> | void };

const SCRIPT_COMMANDS: ReadonlyArray<readonly string[]> = [
  ['list', '--groupId', groupId, '--clusterName', clusterName],
  ['get', '--groupId', groupId, '--clusterName', clusterName, '--checkpointId', 'a'.repeat(24)],
  ['latest', '--groupId', groupId, '--clusterName', clusterName],
  ['latest', '--groupId', groupId, '--clusterName', clusterName, '--kind', 'snapshot'],
  ['snapshots', '--groupId', groupId, '--clusterName', clusterName],
  ['restores', '--groupId', groupId, '--clusterName', clusterName],
  ['projects'],
  ['clusters', '--groupId', groupId],
];

const home = () => mkdtempSync(join(tmpdir(), 'atlas-checkpoints-home-'));

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npx tsc -b tsconfig.lib.json" first`);
  atlas = await fake.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await atlas?.close();
});

describe('no credentials: script commands never fall back to sample data', () => {
  it.each(SCRIPT_COMMANDS)(
    '%s with an empty HOME exits 2, says how to configure and that --demo gives sample data',
    async (...args) => {
      const dir = home();
      const { code, stdout, stderr } = await runBin(args, { HOME: dir, XDG_CONFIG_HOME: join(dir, '.config') });
      expect(stdout).toBe('');
      expect(code).toBe(2);
      expect(stderr).toMatch(/^error: no Atlas credentials found/);
      for (const advice of [
        'MONGODB_ATLAS_CLIENT_ID',
        'MONGODB_ATLAS_PUBLIC_API_KEY',
        'MONGODB_ATLAS_ACCESS_TOKEN',
        '--accessToken',
        '-P <name>',
        '--demo',
      ])
        expect(stderr).toContain(advice);
      expect(stderr).not.toMatch(/--privateApiKey|--clientSecret|DEMO/);
    },
  );

  it('a typo (MONGODB_ATLAS_CLIENTID) exits 2 without fake data, and names the variable it meant', async () => {
    const { code, stdout, stderr } = await runBin(['list', '--groupId', groupId, '--clusterName', clusterName, '-o', 'json'], {
      MONGODB_ATLAS_CLIENTID: SA.clientId,
      MONGODB_ATLAS_CLIENT_SECRET: SA.clientSecret,
    });
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(stderr).toContain('MONGODB_ATLAS_CLIENTID (did you mean MONGODB_ATLAS_CLIENT_ID?)');
    expect(stderr).not.toContain(SA.clientSecret);
  });

  it('a configuration error (ConfigError) exits 2: half a credential pair, a missing profile, a bad base URL', async () => {
    const half = await runBin(['projects'], { MONGODB_ATLAS_PUBLIC_API_KEY: 'pub' });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('MONGODB_ATLAS_PRIVATE_API_KEY is not');
    expect(half.stderr).not.toContain('--privateApiKey'); // no such flag
    const profile = await runBin(['projects', '-P', 'prod']);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain('Profile "prod" not found');
    const url = await runBin(['projects'], { MONGODB_ATLAS_OPS_MANAGER_URL: 'ftp://x', MONGODB_ATLAS_ACCESS_TOKEN: 't' });
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('env MONGODB_ATLAS_OPS_MANAGER_URL must use http or https');
  });

  it('without a terminal the bare command also refuses to show sample data unasked (exit 2)', async () => {
    const { code, stdout, stderr } = await runBin([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--demo');
  });

  it('--demo: every line on stderr says DEMO (the banner, deprecations, progress, errors)', async () => {
    const ok = await runBin(['list', '--demo', '-o', 'json', '--itemsPerPage', '3']);
    expect(ok.code).toBe(0);
    const lines = ok.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^DEMO: /);
    const failed = await runBin(['get', '--demo', '--groupId', groupId, '--clusterName', 'x', '--checkpointId', 'a'.repeat(24)]);
    expect(failed.code).toBe(1);
    for (const line of failed.stderr.trimEnd().split('\n')) expect(line).toMatch(/^DEMO: /);
  });
});

describe('profile settings', () => {
  it('output in the profile sets the default -o; -o still wins', async () => {
    const dir = home();
    mkdirSync(join(dir, 'atlascli'), { recursive: true });
    writeFileSync(join(dir, 'atlascli', 'config.toml'), `[default]\nops_manager_url = "${atlas.url}"\noutput = "json"\n`);
    const env = { XDG_CONFIG_HOME: dir, MONGODB_ATLAS_CLIENT_ID: SA.clientId, MONGODB_ATLAS_CLIENT_SECRET: SA.clientSecret };
    const json = await runBin(['projects', '--itemsPerPage', '1'], { ...env, XDG_CACHE_HOME: home() });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { results: unknown[] }).results).toHaveLength(1);
    const table = await runBin(['projects', '-o', 'table'], { ...env, XDG_CACHE_HOME: home() });
    expect(table.stdout).toMatch(/^ID\s+NAME/);
  });

  it('service = "cloudgov" sends requests to Atlas for Government (seen at a forward proxy)', async () => {
    let seen: (host: string) => void = () => undefined;
    const connected = new Promise<string>((resolve) => (seen = resolve));
    const forward: Server = createServer();
    forward.on('connect', (request: { url?: string }, socket: { destroy(): void }) => {
      seen(String(request.url));
      socket.destroy();
    });
    forward.listen(0, '127.0.0.1');
    await once(forward, 'listening');
    const { port } = forward.address() as { port: number };
    const dir = home();
    mkdirSync(join(dir, 'atlascli'), { recursive: true });
    writeFileSync(join(dir, 'atlascli', 'config.toml'), '[gov]\nservice = "cloudgov"\naccess_token = "gov.token"\n');
    // the bin would retry the refused tunnel for a while: it is stopped once the proxy has seen where it goes
    const child = spawn(process.execPath, [BIN, 'projects', '-P', 'gov'], {
      stdio: 'ignore',
      env: { PATH: process.env['PATH'] ?? '', HOME: dir, XDG_CONFIG_HOME: dir, HTTPS_PROXY: `http://127.0.0.1:${port}` },
    });
    try {
      expect(await connected).toBe('cloud.mongodbgov.com:443');
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
      forward.close();
    }
  });
});

describe('a service account token is cached between runs', () => {
  it('two runs make one token request; the cache file is 0600 under XDG_CACHE_HOME and the token is never printed', async () => {
    const cache = home();
    const env = { MONGODB_ATLAS_CLIENT_ID: SA.clientId, MONGODB_ATLAS_CLIENT_SECRET: SA.clientSecret, XDG_CACHE_HOME: cache };
    fake.clearRequests();
    const first = await runBin(['projects', '--baseUrl', atlas.url, '-o', 'json'], env);
    const second = await runBin(['clusters', '--baseUrl', atlas.url, '--groupId', groupId, '-o', 'json'], env);
    expect([first.code, second.code]).toEqual([0, 0]);
    const routes = fake.requests().map((request) => request.route);
    expect(routes.filter((route) => route === 'oauthToken')).toHaveLength(1);
    expect(routes).not.toContain('oauthRevoke');
    const files = readdirSync(join(cache, 'atlas-checkpoints'));
    expect(files).toHaveLength(1);
    const file = join(cache, 'atlas-checkpoints', files[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { accessToken } = JSON.parse(readFileSync(file, 'utf8')) as { accessToken: string };
    for (const run of [first, second]) expect(run.stdout + run.stderr).not.toContain(accessToken);
    expect(readFileSync(file, 'utf8')).not.toContain(SA.clientSecret);
  });
});

describe('an access token, against atlas-checkpoints-proxy on loopback in front of the fake', () => {
  const PROXY_TOKEN = 'proxy-token-for-the-cli';
  let proxy: ChildProcess | undefined;
  let proxyUrl = '';

  beforeAll(async () => {
    const dir = home();
    const tokens = join(dir, 'tokens.json');
    const sha256 = createHash('sha256').update(PROXY_TOKEN).digest('hex');
    writeFileSync(tokens, JSON.stringify([{ name: 'cli', sha256, projects: ['*'] }]));
    const bin = fileURLToPath(new URL('../../api/src/bin.ts', import.meta.url));
    proxy = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@atlas-checkpoints/source',
        bin,
        '--port',
        '0',
        '--tokens-file',
        tokens,
        '--log-level',
        'silent',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: dir,
          XDG_CONFIG_HOME: dir,
          ATLAS_PROXY_UPSTREAM: atlas.url,
          MONGODB_ATLAS_CLIENT_ID: SA.clientId,
          MONGODB_ATLAS_CLIENT_SECRET: SA.clientSecret,
        },
      },
    );
    const [chunk] = (await once(proxy.stdout!, 'data')) as [Buffer];
    proxyUrl = chunk.toString().split('\n')[0] ?? '';
    expect(proxyUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
  afterAll(async () => {
    if (proxy?.pid !== undefined && proxy.exitCode === null) {
      process.kill(proxy.pid, 'SIGTERM');
      await once(proxy, 'exit');
    }
  });

  it.each([
    ['--accessToken', (token: string) => ({ args: ['--accessToken', token], env: {} })],
    ['MONGODB_ATLAS_ACCESS_TOKEN', (token: string) => ({ args: [], env: { MONGODB_ATLAS_ACCESS_TOKEN: token } })],
  ])('lists checkpoints through the proxy with %s', async (_name, given) => {
    const { args, env } = given(PROXY_TOKEN);
    const { code, stdout, stderr } = await runBin(
      ['list', '--baseUrl', proxyUrl, '--groupId', groupId, '--clusterName', clusterName, '-o', 'json', ...args],
      env,
    );
    expect(stderr).not.toContain(PROXY_TOKEN);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { results: unknown[] }).results).toHaveLength(20);
  });

  it('a wrong token: exit 1, and the advice names --accessToken, not flags that do not exist', async () => {
    const { code, stderr } = await runBin(['projects', '--baseUrl', proxyUrl, '--accessToken', 'wrong-token']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/401/);
    expect(stderr).toContain('--accessToken');
    expect(stderr).not.toMatch(/--privateApiKey|--clientSecret|wrong-token/);
  });
});
