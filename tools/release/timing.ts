import { spawnSync } from 'node:child_process';

/**
 * The median of a non-empty list of numbers.
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Wall-clock times of one command run several times in fresh processes. */
export interface Timing {
  label: string;
  /** The first run, with the cold(est) file-system and compile caches. */
  firstMs: number;
  medianMs: number;
  minMs: number;
  runs: number;
}

/**
 * Runs `command args…` `runs` times, each in a new process, and times it. Throws if a run fails.
 *
 * @example
 * time('node -e 0', process.execPath, ['-e', '0'], 7).medianMs;
 */
export function time(label: string, command: string, args: string[], runs: number, cwd?: string): Timing {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${label}: exit ${result.status}: ${result.stderr.toString().slice(0, 500)}`);
    samples.push(ms);
  }
  return { label, firstMs: samples[0] ?? 0, medianMs: median(samples), minMs: Math.min(...samples), runs };
}

/**
 * A plain-text table of timings, with each row's median over the baseline's.
 *
 * @example
 * console.log(formatTimings([baseline, ...bins]));
 */
export function formatTimings(timings: readonly Timing[]): string {
  const base = timings[0]?.medianMs ?? 1;
  const width = Math.max(...timings.map((t) => t.label.length), 7);
  const header = `${'command'.padEnd(width)}  first ms  median ms  min ms  × node -e 0`;
  const rows = timings.map(
    (t) =>
      `${t.label.padEnd(width)}  ${t.firstMs.toFixed(0).padStart(8)}  ${t.medianMs.toFixed(0).padStart(9)}  ${t.minMs.toFixed(0).padStart(6)}  ${(t.medianMs / base).toFixed(1).padStart(11)}`,
  );
  return [header, ...rows].join('\n');
}
