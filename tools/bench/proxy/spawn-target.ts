import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** What the target process reports on start. */
export interface TargetInfo {
  proxyUrl: string;
  bareUrl: string;
  /** Checkpoint pages of about 6 KB (`small`) and 114 KB (`large`). */
  paths: { small: string; large: string };
  /** The large page (the soak's hit path). */
  path: string;
  /** Identity body sizes in bytes. */
  sizes: { small: number; large: number };
  /** ETag of the large page. */
  etag: string;
  clusters: Array<{ groupId: string; name: string; ids: string[] }>;
}

/** Counters the target reports (and `serverSpanMs`, reset on each report, with `--latency`). */
export interface TargetStats {
  rss: number;
  /** CPU time (user + system) the target process has used, in microseconds. */
  cpuMicros: number;
  upstreamCalls: number;
  /** Server side of the requests since the last report: first request in to last response out. */
  serverSpanMs: number;
}

/**
 * Builds the packages the targets import (`npm run build`: tsc's output in each `dist`, what npm
 * ships; Nx's cache makes it a no-op when nothing changed). Call once, before the first
 * {@link spawnTarget}.
 */
export function buildPackages(): void {
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('npm run build failed: the targets run the built packages');
}

/**
 * The target script as the deployed proxy runs: transpiled alone (esbuild, no bundling) to plain
 * JavaScript and run by `node`, so the packages it imports are the built ones (`dist`). Run
 * through tsx instead, every module of ours would be esbuild's transform of the source, which
 * wraps each function a request creates in a `__name()` call (tsx keeps names), a cost the
 * shipped code does not have and the bare app's Hono (from node_modules, untransformed) never pays.
 */
function compileTarget(script: string): string {
  const dir = join(ROOT, 'node_modules', '.cache', 'atlas-bench');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, basename(script).replace(/\.ts$/, '.mjs'));
  buildSync({ entryPoints: [script], outfile, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  return outfile;
}

/**
 * Starts `target.ts` (or another `script` that prints one JSON line of info and answers `stats`
 * over IPC) in its own process pinned to core `cpu` (`taskset`), so the load generator, pinned to
 * the other core, never shares its core. The script runs as deployed code runs (see
 * `compileTarget`): call {@link buildPackages} first.
 */
export async function spawnTarget<Info = TargetInfo>(
  args: string[] = [],
  cpu = 0,
  script: string = fileURLToPath(new URL('./target.ts', import.meta.url)),
): Promise<{ child: ChildProcess; info: Info; stats(): Promise<TargetStats>; stop(): Promise<void> }> {
  const target = compileTarget(script);
  const child = spawn('taskset', ['-c', String(cpu), process.execPath, target, ...args], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let buffered = '';
  const info = await new Promise<Info>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n') && line) resolve(JSON.parse(line) as Info);
    });
    child.once('exit', (code) => reject(new Error(`target exited with ${code}`)));
  });
  return {
    child,
    info,
    stats: async () => {
      child.send({ type: 'stats' });
      const [message] = (await once(child, 'message')) as [TargetStats];
      return message;
    },
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = once(child, 'exit');
      process.kill(child.pid, 'SIGTERM');
      await exited;
    },
  };
}
