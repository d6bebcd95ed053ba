import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startServer } from './server-process.js';

const node = process.execPath;
const cwd = tmpdir();

describe('startServer', () => {
  it('takes the URL from the first stdout line and stops the process by PID', async () => {
    const server = await startServer(
      node,
      ['-e', "console.log('listening on http://127.0.0.1:4321/'); setInterval(() => {}, 1000)"],
      { cwd },
    );
    expect(server.url).toBe('http://127.0.0.1:4321');
    expect(() => process.kill(server.pid, 0)).not.toThrow();
    await server.stop();
    expect(() => process.kill(server.pid, 0)).toThrow();
  });

  it('rejects with stderr when the process exits before printing a URL', async () => {
    await expect(startServer(node, ['-e', "console.error('boom'); process.exit(3)"], { cwd })).rejects.toThrow(
      /exited early \(code 3[\s\S]*boom/,
    );
  });

  it('rejects when the first line has no URL', async () => {
    await expect(startServer(node, ['-e', "console.log('ready'); setInterval(() => {}, 1000)"], { cwd })).rejects.toThrow(
      /no URL: ready/,
    );
  });

  it('rejects when the command does not exist', async () => {
    await expect(startServer('/nonexistent/bin', [], { cwd })).rejects.toThrow(/ENOENT/);
  });
});
