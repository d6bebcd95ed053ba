import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One wrk measure: requests per second and latency percentiles in ms. */
export interface WrkResult {
  /** Requests completed. */
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Socket errors, timeouts and non-2xx/3xx answers. */
  readonly errors: number;
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  if (unit === 'us') return n / 1000;
  if (unit === 's') return n * 1000;
  if (unit === 'm') return n * 60_000;
  return n;
}

/**
 * Parses wrk's `--latency` report.
 *
 * @example
 * parseWrk('210005 requests in 10.00s\nRequests/sec:  21000.5\n     50%  2.10ms\n     99%  5.00ms\n') // { requests: 210005, rps: 21000.5, p50: 2.1, p99: 5, errors: 0 }
 */
function parseWrk(output: string): WrkResult {
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? Number.NaN);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? Number.NaN);
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
    return match ? toMs(match[1] ?? '', match[2] ?? 'ms') : Number.NaN;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  return { requests, rps, p50: percentile('50'), p99: percentile('99'), errors: socketErrors + non2xx };
}

/**
 * Runs wrk (Debian package `wrk`) pinned to `cpu` with one thread: `connections` keep-alive
 * connections for `seconds`, with the given request headers.
 */
export async function wrk(
  url: string,
  options: { seconds: number; connections: number; cpu: number; headers?: Record<string, string> },
): Promise<WrkResult> {
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const { stdout } = await run(
    'taskset',
    [
      '-c',
      String(options.cpu),
      'wrk',
      '-t1',
      `-c${options.connections}`,
      `-d${options.seconds}s`,
      '--latency',
      ...headerArgs,
      url,
    ],
    { timeout: (options.seconds + 30) * 1000 },
  );
  return parseWrk(stdout);
}

/** Fails early with an install hint when wrk or taskset is missing. */
export async function checkTools(): Promise<void> {
  for (const tool of ['wrk', 'taskset']) {
    try {
      await run('sh', ['-c', `command -v ${tool}`]);
    } catch {
      throw new Error(`${tool} is not installed: apt-get install -y ${tool === 'taskset' ? 'util-linux' : tool}`);
    }
  }
}
