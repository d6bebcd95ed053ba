import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A forward HTTP proxy (tinyproxy) on loopback, for testing `HTTP_PROXY` / `HTTPS_PROXY`. */
export interface ForwardProxy {
  /** `http://127.0.0.1:<port>`: the value of `HTTP_PROXY` / `HTTPS_PROXY`. */
  readonly url: string;
  readonly port: number;
  /**
   * The request lines the proxy received, oldest first: `GET http://host:port/path HTTP/1.1` for
   * plain HTTP, `CONNECT host:port HTTP/1.1` for a tunnel (HTTPS).
   */
  requests(): string[];
  /** Stops the proxy (by its pid) and removes its files. */
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function accepting(port: number): Promise<boolean> {
  const socket = createConnection({ port, host: '127.0.0.1' });
  try {
    await once(socket, 'connect');
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

/**
 * Starts tinyproxy (Debian package `tinyproxy`) in the foreground on a free loopback port, with a
 * configuration of its own in a temporary directory, and waits until it accepts connections.
 * Throws when tinyproxy is not installed or does not start within `startTimeoutMs`.
 *
 * @example
 * const proxy = await startForwardProxy();
 * // HTTPS_PROXY=proxy.url … ; proxy.requests() // ['CONNECT 127.0.0.1:8443 HTTP/1.1']
 * await proxy.close();
 */
export async function startForwardProxy(options: { startTimeoutMs?: number } = {}): Promise<ForwardProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'forward-proxy-'));
  const log = join(dir, 'tinyproxy.log');
  const port = await freePort();
  writeFileSync(
    join(dir, 'tinyproxy.conf'),
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 30',
      `LogFile "${log}"`,
      'LogLevel Connect',
      `PidFile "${join(dir, 'tinyproxy.pid')}"`,
      'MaxClients 100',
      'Allow 127.0.0.1',
      '',
    ].join('\n'),
  );
  const child = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(new Error(`cannot start tinyproxy (apt-get install tinyproxy): ${error.message}`, { cause: error })),
    );
    child.once('exit', (code) => reject(new Error(`tinyproxy exited with code ${String(code)}`)));
  });
  failed.catch(() => undefined);
  const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const exited = once(child, 'exit');
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (;;) {
    const ready = await Promise.race([accepting(port), failed]).catch(async (error: unknown) => {
      await stop();
      throw error;
    });
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`tinyproxy did not accept connections on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: () => {
      let text: string;
      try {
        text = readFileSync(log, 'utf8');
      } catch {
        return [];
      }
      return [...text.matchAll(/Request \(file descriptor \d+\): (.+)$/gm)].map((match) => match[1] ?? '');
    },
    close: stop,
  };
}
