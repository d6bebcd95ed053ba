import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

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
 * Starts `target.ts` (or another `script` that prints one JSON line of info and answers `stats`
 * over IPC) in its own process pinned to core `cpu` (`taskset`), so the load generator, pinned to
 * the other core, never shares its core.
 */
export async function spawnTarget<Info = TargetInfo>(
  args: string[] = [],
  cpu = 0,
  script: string = fileURLToPath(new URL('./target.ts', import.meta.url)),
): Promise<{ child: ChildProcess; info: Info; stats(): Promise<TargetStats>; stop(): Promise<void> }> {
  const target = script;
  const child = spawn(
    'taskset',
    ['-c', String(cpu), process.execPath, '--import', 'tsx', '--conditions=@atlas-checkpoints/source', target, ...args],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
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
