import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startFromArgs } from './main.js';

function io(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l), env } };
}

describe('atlas-checkpoints-proxy CLI', () => {
  it('--demo prints its URL first, says it is a demo on stderr, and serves seeded data without a token', async () => {
    const t = io();
    const running = await startFromArgs(['node', 'proxy', '--demo', '--port', '0', '--log-level', 'silent'], t.io);
    try {
      expect(t.out[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(t.err.join('\n')).toContain('DEMO MODE');
      const res = await fetch(`${t.out[0]}/api/atlas/v2/groups`);
      expect(res.status).toBe(200);
      // testkit's demo project (every case of restore points) first, then three more.
      const body = (await res.json()) as { totalCount: number; results: Array<{ name: string }> };
      expect(body.totalCount).toBe(4);
      expect(body.results[0]?.name).toBe('restore-points-demo');
    } finally {
      await running.stop();
    }
  });

  it('reads flags from env vars and requires a token when --tokens-file is given in demo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proxy-cli-'));
    const file = join(dir, 'tokens.json');
    writeFileSync(file, JSON.stringify([{ name: 'me', sha256: 'a'.repeat(64), projects: ['*'] }]));
    const t = io({ ATLAS_PROXY_TOKENS_FILE: file, ATLAS_PROXY_PORT: '0', ATLAS_PROXY_LOG_LEVEL: 'silent' });
    const previous = { ...process.env };
    Object.assign(process.env, t.io.env);
    try {
      const running = await startFromArgs(['node', 'proxy', '--demo'], t.io);
      try {
        expect((await fetch(`${t.out[0]}/api/atlas/v2/groups`)).status).toBe(401);
      } finally {
        await running.stop();
      }
    } finally {
      for (const key of Object.keys(t.io.env)) if (previous[key] === undefined) delete process.env[key];
    }
  });

  it('refuses proxy mode without a tokens file', async () => {
    const t = io({});
    await expect(startFromArgs(['node', 'proxy', '--port', '0', '--log-level', 'silent'], t.io)).rejects.toThrow(/--tokens-file/);
  });

  it('reads ATLAS_PROXY_DEMO=false as off (not as "set, so on")', async () => {
    const t = io({ ATLAS_PROXY_DEMO: 'false' });
    const previous = process.env.ATLAS_PROXY_DEMO;
    process.env.ATLAS_PROXY_DEMO = 'false';
    try {
      await expect(startFromArgs(['node', 'proxy', '--port', '0', '--log-level', 'silent'], t.io)).rejects.toThrow(
        /--tokens-file/,
      );
      process.env.ATLAS_PROXY_DEMO = 'maybe';
      await expect(startFromArgs(['node', 'proxy', '--port', '0', '--log-level', 'silent'], t.io)).rejects.toThrow(
        /ATLAS_PROXY_DEMO/,
      );
    } finally {
      if (previous === undefined) delete process.env.ATLAS_PROXY_DEMO;
      else process.env.ATLAS_PROXY_DEMO = previous;
    }
  });

  it('the bin exits 0 on SIGTERM after printing its URL', async () => {
    const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@atlas-checkpoints/source', bin, '--demo', '--port', '0', '--log-level', 'silent'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const url = chunk.toString().split('\n')[0] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    process.kill(child.pid ?? 0, 'SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it.each([
    ['a bad base URL', [], { MONGODB_ATLAS_OPS_MANAGER_URL: 'ftp://x' }, /env MONGODB_ATLAS_OPS_MANAGER_URL must use http/],
    ['a missing profile', ['--profile', 'prod'], {}, /Profile "prod" not found/],
    ['half a credential pair', [], { MONGODB_ATLAS_CLIENT_ID: 'mdb_sa_id_x' }, /MONGODB_ATLAS_CLIENT_SECRET is not/],
  ])('the bin exits 2 on a configuration error (ConfigError): %s', async (_name, args, env, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'proxy-cli-'));
    const tokens = join(dir, 'tokens.json');
    writeFileSync(tokens, JSON.stringify([{ name: 'me', sha256: 'a'.repeat(64), projects: ['*'] }]));
    const { code, stderr } = await runBin(['--tokens-file', tokens, '--port', '0', ...args], {
      HOME: dir,
      XDG_CONFIG_HOME: dir,
      ...env,
    });
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('--clientSecret'); // the proxy has no such flag
    expect(code).toBe(2);
  });

  it('exits 2 at startup when the metrics port is taken, never leaving a half-started proxy serving', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      const { code, stdout, stderr } = await runBin([
        '--demo',
        '--port',
        '0',
        '--metrics-port',
        String(port),
        '--log-level',
        'silent',
      ]);
      expect(stderr).toMatch(/EADDRINUSE/);
      expect(stderr).toContain('Check --port, --metrics-port and --host.');
      expect(stdout).toBe('');
      expect(code).toBe(2);
    } finally {
      taken.close();
    }
  });

  it('--version prints the version; a usage error is one line plus "Run with --help for usage."', async () => {
    const version = await runBin(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: '0.0.0\n' });
    const unknown = await runBin(['--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("error: unknown option '--nope'\nRun with --help for usage.\n");
  });
});

/** Runs the bin (from source, through tsx) with a clean environment plus `env`. */
async function runBin(args: readonly string[], env: Record<string, string> = {}) {
  const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@atlas-checkpoints/source', bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
