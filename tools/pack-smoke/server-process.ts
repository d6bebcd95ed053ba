import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cleanEnv } from '../release/clean-env.js';

/** A server started from a bin: its base URL (from its first stdout line) and a way to stop it. */
export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `command args…`, reads the first stdout line, and takes the first http(s) URL on it as the
 * base URL. Rejects (and kills the process) on early exit or after `timeoutMs`.
 *
 * @example
 * const fake = await startServer('node_modules/.bin/atlas-checkpoints-fake', ['--port', '0'], { cwd });
 * await fetch(`${fake.url}/api/atlas/v2/groups`);
 * await fake.stop();
 */
export function startServer(
  command: string,
  args: string[],
  options: { cwd: string; timeoutMs?: number },
): Promise<RunningServer> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnv(process.env, { NO_COLOR: '1' }),
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve()); // spawn failed: there is no process to wait for
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const escalate = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(escalate);
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${command} ${args.join(' ')}: ${why}\nstderr:\n${stderr}`)));
    };
    const timer = setTimeout(
      () => fail(`no URL on stdout within ${options.timeoutMs ?? 20_000} ms`),
      options.timeoutMs ?? 20_000,
    );
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const url = /https?:\/\/[^\s"']+/.exec(line)?.[0];
      if (url === undefined) return fail(`first stdout line has no URL: ${line}`);
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ url: url.replace(/\/$/, ''), pid: child.pid ?? -1, stop });
    });
  });
}
