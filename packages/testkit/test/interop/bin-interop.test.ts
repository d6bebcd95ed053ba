import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const ACCEPT = 'Accept: application/vnd.atlas.2023-01-01+json';
const children: ChildProcess[] = [];

/** Starts the built bin and resolves with its first stdout line (the base URL). */
async function start(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, '--port', '0', '--seed', '7', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  children.push(child);
  const lines = createInterface({ input: child.stdout });
  const [url] = (await once(lines, 'line')) as [string];
  return { child, url };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  process.kill(child.pid!, signal);
  const [code] = (await exited) as [number | null];
  return code;
}

beforeAll(() => {
  // CI builds before testing; build here too when dist is missing so the test always runs the real bin.
  if (!existsSync(bin)) execFileSync('npx', ['tsc', '-b', 'tsconfig.lib.json'], { cwd: packageDir, stdio: 'ignore' });
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
});

describe('the built atlas-checkpoints-fake bin with real clients', () => {
  it('serves curl --digest -u pub:priv and exits 0 on SIGTERM', async () => {
    const { child, url } = await start(['--auth', 'digest', '--public-key', 'pub', '--private-key', 'priv']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const anonymous = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', `${url}/api/atlas/v2/groups`]);
    expect(anonymous.stdout).toBe('401');
    const { stdout } = await run('curl', [
      '-sS',
      '--fail',
      '--digest',
      '-u',
      'pub:priv',
      '-H',
      ACCEPT,
      `${url}/api/atlas/v2/groups?itemsPerPage=1`,
    ]);
    const body = JSON.parse(stdout) as { totalCount: number; results: unknown[] };
    expect(body.totalCount).toBe(2);
    expect(body.results).toHaveLength(1);
    const wrong = await run('curl', ['-sS', '--digest', '-u', 'pub:nope', '-w', '\n%{http_code}', `${url}/api/atlas/v2/groups`]);
    expect(wrong.stdout).toMatch(/"errorCode":"UNEXPECTED_ERROR".*\n401$/s);
    expect(await stop(child, 'SIGTERM')).toBe(0);
  });

  it('serves curl with a bearer token from /api/oauth/token and exits 0 on SIGINT', async () => {
    const { child, url } = await start(['--auth', 'oauth', '--client-id', 'mdb_sa_id_x', '--client-secret', 'mdb_sa_sk_x']);
    const token = await run('curl', [
      '-sS',
      '--fail',
      '-X',
      'POST',
      '-u',
      'mdb_sa_id_x:mdb_sa_sk_x',
      '-H',
      'Content-Type: application/x-www-form-urlencoded',
      '--data',
      'grant_type=client_credentials',
      `${url}/api/oauth/token`,
    ]);
    const { access_token: accessToken, token_type: tokenType } = JSON.parse(token.stdout) as {
      access_token: string;
      token_type: string;
    };
    expect(tokenType).toBe('Bearer');
    const { stdout } = await run('curl', [
      '-sS',
      '--fail',
      '-H',
      `Authorization: Bearer ${accessToken}`,
      '-H',
      ACCEPT,
      `${url}/api/atlas/v2/groups`,
    ]);
    expect((JSON.parse(stdout) as { results: unknown[] }).results).toHaveLength(2);
    expect(await stop(child, 'SIGINT')).toBe(0);
  });

  it('takes credentials from the Atlas CLI env vars and refuses digest without them', async () => {
    const missing = await run(process.execPath, [bin, '--auth', 'digest'], { env: {} }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(missing).toMatchObject({ code: 2 });
    expect((missing as { stderr: string }).stderr).toMatch(/MONGODB_ATLAS_PUBLIC_API_KEY/);
    const { child, url } = await start(['--auth', 'digest'], {
      MONGODB_ATLAS_PUBLIC_API_KEY: 'envpub',
      MONGODB_ATLAS_PRIVATE_API_KEY: 'envpriv',
    });
    const { stdout } = await run('curl', [
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '--digest',
      '-u',
      'envpub:envpriv',
      `${url}/api/atlas/v2/groups`,
    ]);
    expect(stdout).toBe('200');
    expect(await stop(child, 'SIGTERM')).toBe(0);
  });
});
