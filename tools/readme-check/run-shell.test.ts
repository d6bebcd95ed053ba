import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runServer, runShell } from './run-shell.js';

const cwd = tmpdir();
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('runShell', () => {
  it('reports the exit code and the output', async () => {
    const result = await runShell('echo out; echo err >&2; exit 3', { cwd, timeoutMs: 10_000 });
    expect(result).toMatchObject({ code: 3, timedOut: false });
    expect(result.output).toContain('out');
    expect(result.output).toContain('err');
  });

  it('runs without the npm/Nx/Vitest variables of the test run', async () => {
    const result = await runShell('echo "[${VITEST:-unset}] [${npm_lifecycle_event:-unset}] [$NX_DAEMON]"', {
      cwd,
      timeoutMs: 10_000,
    });
    expect(result.output.trim()).toBe('[unset] [unset] [false]');
  });

  it('kills the whole process group when the time is up', async () => {
    const result = await runShell('sleep 30 & echo $!; wait', { cwd, timeoutMs: 500 });
    expect(result.timedOut).toBe(true);
    const background = Number(result.output.trim());
    expect(background).toBeGreaterThan(0);
    await expect.poll(() => alive(background), { timeout: 5_000 }).toBe(false);
  });
});

describe('runServer', () => {
  const server = `node -e "require('http').createServer((q, s) => { s.statusCode = q.url === '/healthz' ? 200 : 404; s.end(); }).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); })"`;

  it('finds the URL, asks /healthz and stops the server', async () => {
    const result = await runServer(server, { cwd, timeoutMs: 10_000 });
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.status).toBe(200);
    expect(result.signal).toBe('SIGTERM');
  });

  it('reports a server that exits without printing a URL', async () => {
    const result = await runServer('echo no server; exit 1', { cwd, timeoutMs: 10_000 });
    expect(result.url).toBeUndefined();
    expect(result.code).toBe(1);
  });
});
