import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFromArgs } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'proxy-check-options-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
let tokens = '';
let secret = '';
beforeAll(() => {
  tokens = file('tokens.json', JSON.stringify([{ name: 'me', sha256: 'a'.repeat(64), projects: ['*'] }]));
  secret = file('secret', 'a-secret\n');
});

/** Runs the bin (from source, through tsx) with a clean environment plus `env`, as main.test.ts does. */
async function runBin(args: readonly string[], env: Record<string, string> = {}) {
  const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@atlas-checkpoints/source', bin, '--port', '0', '--log-level', 'silent', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: dir, ...env } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A proxy that started anyway is killed, so the test fails on its assertions rather than hanging.
  const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(deadline);
  return { code, stdout, stderr };
}

/** Exit 2, nothing listened (the URL is the first stdout line once listening), one line then the usage hint. */
async function expectRefused(args: readonly string[], message: string | RegExp, env: Record<string, string> = {}) {
  const { code, stdout, stderr } = await runBin(args, env);
  const lines = stderr.split('\n');
  expect(lines).toHaveLength(3); // the message, the hint, and the final newline
  if (typeof message !== 'string') expect(lines[0]).toMatch(message);
  else expect(lines[0]).toBe(message.startsWith('error: ') ? message : `atlas-checkpoints-proxy: ${message}`);
  expect(lines[1]).toBe('Run with --help for usage.');
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(stdout).toBe('');
  expect(code).toBe(2);
  return lines[0] ?? '';
}

describe('--public-url must be an http(s) origin', () => {
  it.each([
    ['a path', 'https://proxy.example.com/api', 'it has a path'],
    ['two trailing slashes', 'https://proxy.example.com//', 'it has a path'],
    ['a query', 'https://proxy.example.com/?a=1', 'it has a query'],
    ['an empty query', 'https://proxy.example.com?', 'it has a query'],
    ['a fragment', 'https://proxy.example.com#top', 'it has a fragment'],
    ['another scheme', 'ftp://proxy.example.com', 'it uses ftp: (http or https only)'],
    ['no "//"', 'https:proxy.example.com', 'it is not an absolute URL'],
    ['a bad port', 'https://proxy.example.com:70000', 'its host or port is invalid'],
    ['port 0', 'http://proxy.example.com:0', 'port 0 is not one a client can reach'],
    ['a space', 'https://proxy.example.com /', 'whitespace'],
  ])('refuses %s', async (_name, value, why) => {
    const line = await expectRefused(
      ['--demo', '--public-url', value],
      /^atlas-checkpoints-proxy: --public-url must be an origin/,
    );
    expect(line).toContain(JSON.stringify(value));
    expect(line).toContain(why);
  });

  it('refuses userinfo without repeating the password', async () => {
    const line = await expectRefused(
      ['--demo', '--public-url', 'https://user:hunter2@proxy.example.com'],
      '--public-url must be an origin, http(s)://host[:port], not that URL: it holds a user name or password',
    );
    expect(line).not.toContain('hunter2');
  });

  it('links carry the normalised origin: lower-case host, default port dropped, trailing slash gone', async () => {
    const running = await startFromArgs(
      [
        'node',
        'proxy',
        '--demo',
        '--port',
        '0',
        '--log-level',
        'silent',
        '--drain-delay',
        '0',
        '--public-url',
        'HTTPS://Proxy.Example.COM:443/',
      ],
      { stdout: () => undefined, stderr: () => undefined, env: {} },
    );
    try {
      const body = (await (await fetch(`${running.url}/api/atlas/v2/groups`)).json()) as { links: Array<{ href: string }> };
      expect(body.links.map((link) => link.href)).toEqual([
        expect.stringMatching(/^https:\/\/proxy\.example\.com\/api\/atlas\/v2\/groups/),
      ]);
    } finally {
      await running.stop();
    }
  });

  it('names ATLAS_PROXY_PUBLIC_URL when the value came from it', async () => {
    await expectRefused(['--demo'], /^atlas-checkpoints-proxy: ATLAS_PROXY_PUBLIC_URL must be an origin.*it has a path/, {
      ATLAS_PROXY_PUBLIC_URL: 'https://proxy.example.com/api',
    });
  });
});

describe('contradictory or meaningless settings are refused', () => {
  it('a drain delay as long as the whole shutdown, or longer', async () => {
    await expectRefused(
      ['--demo', '--drain-delay', '30s', '--shutdown-timeout', '25s'],
      '--drain-delay (30s) must be shorter than --shutdown-timeout (25s): the drain would use the whole shutdown',
    );
    await expectRefused(
      ['--demo', '--shutdown-timeout', '10s'],
      'ATLAS_PROXY_DRAIN_DELAY (10s) must be shorter than --shutdown-timeout (10s): the drain would use the whole shutdown',
      { ATLAS_PROXY_DRAIN_DELAY: '10' },
    );
  });

  it.each([
    ['--upstream', ['--upstream', 'https://cloud.mongodb.com'], {}],
    ['--profile', ['--profile', 'prod'], {}],
    ['ATLAS_PROXY_UPSTREAM', [], { ATLAS_PROXY_UPSTREAM: 'https://cloud.mongodb.com' }],
  ])('--demo with %s (a real upstream)', async (flag, args, env) => {
    await expectRefused(
      ['--demo', ...args],
      `--demo serves an embedded fake Atlas: ${flag} does not apply (leave out one of them)`,
      env,
    );
  });

  it('--demo with --upstream-ca (no upstream to trust)', async () => {
    await expectRefused(
      ['--demo', '--upstream-ca', secret],
      '--demo serves an embedded fake Atlas: --upstream-ca does not apply (leave out one of them)',
    );
  });

  it.each([
    ['--redis-prefix', ['--redis-prefix', 'mine:']],
    ['--redis-timeout', ['--redis-timeout', '2s']],
    ['--redis-ca', ['--redis-ca', 'ca.pem']],
  ])('%s without a Redis cache', async (flag, args) => {
    await expectRefused(['--demo', ...args], `${flag} applies to a Redis cache only, and --cache is memory`);
  });

  it('--redis-ca with a Redis URL without TLS', async () => {
    await expectRefused(
      ['--demo', '--cache', 'redis://127.0.0.1:1', '--redis-ca', 'ca.pem'],
      '--redis-ca applies to TLS connections only: use a rediss… URL in --cache',
    );
  });

  it.each([
    ['--partition-key-file', ['--partition-key-file', 'key']],
    ['--refused-token-ttl', ['--refused-token-ttl', '1m']],
  ])('%s in proxy mode', async (flag, args) => {
    await expectRefused(['--tokens-file', tokens, ...args], `${flag} applies to --auth-mode passthrough only`);
  });

  it('--tokens-file in passthrough mode (never consulted there)', async () => {
    await expectRefused(
      ['--auth-mode', 'passthrough', '--tokens-file', tokens],
      "--tokens-file applies to --auth-mode proxy only (passthrough forwards callers' own Atlas tokens)",
    );
  });

  it('--metrics-port equal to --port', async () => {
    await expectRefused(
      ['--demo', '--port', '18080', '--metrics-port', '18080'],
      '--metrics-port (18080) is --port: give /metrics a port of its own, or leave --metrics-port out',
    );
  });

  it.each([
    ['metrics', '--metrics-token-file', 'ATLAS_PROXY_METRICS_TOKEN'],
    ['admin', '--admin-token-file', 'ATLAS_PROXY_ADMIN_TOKEN'],
  ])('the %s token both in a file and in its variable', async (_what, flag, variable) => {
    await expectRefused(['--demo', flag, secret], `${variable} and ${flag} both give the token: keep one`, {
      [variable]: 'another',
    });
  });

  it('an empty --host (Node would listen on every interface)', async () => {
    await expectRefused(
      ['--demo'],
      "error: option '--host <host>' value '' from env 'ATLAS_PROXY_HOST' is invalid. expected an address to bind (0.0.0.0 for every interface)",
      { ATLAS_PROXY_HOST: '' },
    );
  });

  it.each([
    ['empty', '', 'ATLAS_PROXY_METRICS_TOKEN is empty: unset it, or give the token'],
    ['padded', 'token\n', 'ATLAS_PROXY_METRICS_TOKEN has leading or trailing whitespace, which no bearer token can carry'],
  ])('an %s token variable (no request could ever present it)', async (_what, value, message) => {
    await expectRefused(['--demo'], message, { ATLAS_PROXY_METRICS_TOKEN: value });
  });
});

describe('a refused argument is repeated without its password', () => {
  it.each([
    [
      '--upstream',
      'http://u:secret/pw@h',
      "error: option '--upstream <url>' argument 'http://u:***@h' is invalid. expected an http(s) URL",
    ],
    ['--upstream', 'u:secretpw@h', "error: option '--upstream <url>' argument 'u:***@h' is invalid. expected an http(s) URL"],
    [
      '--upstream',
      'https://bob:s3cret@exa mple.com',
      "error: option '--upstream <url>' argument 'https://bob:***@exa mple.com' is invalid. expected an http(s) URL",
    ],
    [
      '--cache',
      'redis://:hunter2@host:99999',
      "error: option '--cache <memory|url>' argument 'redis://:***@host:99999' is invalid. invalid Redis URL: redis://:***@host:99999",
    ],
  ])('%s %s', async (flag, value, message) => {
    const line = await expectRefused([flag, value], message);
    expect(line).not.toMatch(/s3cret|hunter2|secret/);
  });

  it.each([[['--public-url', 'ftp://u:secretpw@h']], [['--public-url', 'http://u:secret#pw@h']]])('%j', async (args) => {
    const line = await expectRefused(args, /^atlas-checkpoints-proxy: /);
    expect(line).not.toContain('secret');
  });

  it('ATLAS_PROXY_PUBLIC_URL=gopher://u:secretpw@h', async () => {
    const line = await expectRefused([], /^atlas-checkpoints-proxy: /, { ATLAS_PROXY_PUBLIC_URL: 'gopher://u:secretpw@h' });
    expect(line).not.toContain('secret');
  });
});

describe('forward-proxy variables', () => {
  it('a proxy variable that is not an http(s) URL is refused in one line naming it, never repeating it', async () => {
    const line = await expectRefused(
      ['--auth-mode', 'passthrough', '--upstream', 'https://cloud.mongodb.com'],
      'HTTPS_PROXY is not an http(s) proxy URL such as http://proxy.example.com:3128',
      { HTTPS_PROXY: 'http://u:secretpw@[bad' },
    );
    expect(line).not.toContain('secret');
  });
});
