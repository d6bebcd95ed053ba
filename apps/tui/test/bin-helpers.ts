import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built bin (`npx tsc -b tsconfig.lib.json` first; CI builds before testing). */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** An empty config dir, so no real Atlas CLI profile leaks into a test. */
export const EMPTY_CONFIG = mkdtempSync(join(tmpdir(), 'atlas-checkpoints-tui-'));

/** Runs the built bin with a clean environment; resolves with exit code and output. Killed by PID on timeout. */
export function runBin(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: EMPTY_CONFIG, XDG_CONFIG_HOME: EMPTY_CONFIG, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      reject(new Error(`bin timed out: ${args.join(' ')}\n${stderr}`));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
