import { type ChildProcess, spawn } from 'node:child_process';
import { cleanEnv } from '../release/clean-env.js';

/** The outcome of one README command. */
export interface ShellResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** stdout and stderr interleaved, the last 64 KiB. */
  output: string;
}

const KEEP = 64 * 1024;

/** Starts `bash -c command` in its own process group, in a fresh user's environment, without a TTY. */
function start(command: string, cwd: string): { child: ChildProcess; output: () => string } {
  const child = spawn('bash', ['-c', command], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnv(process.env, { CI: 'true' }),
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEEP);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

/** Signals the whole group of a child we started (bash and whatever it ran), by its PID. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

const exit = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('close', (code, signal) => resolve({ code, signal }));
  });

/**
 * Runs a README command to completion, bounded by `timeoutMs` (then the group is killed).
 *
 * @example
 * const { code, output } = await runShell('npm ci && npm start', { cwd: clone, timeoutMs: 600_000 });
 */
export async function runShell(command: string, options: { cwd: string; timeoutMs: number }): Promise<ShellResult> {
  const { child, output } = start(command, options.cwd);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child, 'SIGKILL');
  }, options.timeoutMs);
  const { code, signal } = await exit(child);
  clearTimeout(timer);
  killGroup(child, 'SIGKILL'); // nothing a command started may outlive it
  return { code, signal, timedOut, output: output() };
}

/**
 * Runs a README command that starts a server: waits for an http URL in its output, GETs
 * `<url>/healthz`, then stops the group (SIGTERM, SIGKILL after 5 s). Bounded by `timeoutMs`.
 *
 * @example
 * const { status } = await runServer('node apps/api/dist/bin.js --demo --port 0', { cwd: clone, timeoutMs: 60_000 });
 */
export async function runServer(
  command: string,
  options: { cwd: string; timeoutMs: number },
): Promise<ShellResult & { url?: string; status?: number }> {
  const { child, output } = start(command, options.cwd);
  const url = await new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), options.timeoutMs);
    const look = () => {
      const found = /https?:\/\/[^\s"']+/.exec(output())?.[0];
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found.replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('close', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  const status =
    url === undefined
      ? undefined
      : await fetch(`${url}/healthz`).then(
          (r) => r.status,
          () => undefined,
        );
  killGroup(child, 'SIGTERM');
  const escalate = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
  const { code, signal } = await exit(child);
  clearTimeout(escalate);
  return {
    code,
    signal,
    timedOut: url === undefined && code === null,
    output: output(),
    ...(url === undefined ? {} : { url }),
    ...(status === undefined ? {} : { status }),
  };
}
