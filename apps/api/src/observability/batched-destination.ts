import type { DestinationStream } from 'pino';

/** A pino destination that can also flush (pino's own `SonicBoom` destination can). */
export type FlushableDestination = DestinationStream & {
  flush?(cb?: (error?: Error | null) => void): void;
  flushSync?(): void;
};

/** A line whose text is made when it is written: its `toString()`. */
interface LazyLine {
  toString(): string;
}

/** A destination that also takes {@link LazyLine}s (a {@link batchedDestination}). */
export type LazyDestination = FlushableDestination & { write(line: string | LazyLine): void; readonly lazy: true };

/** When a {@link batchedDestination} hands its lines on: after `intervalMs` (ms), or once `maxLines` are waiting. */
export interface BatchOptions {
  readonly intervalMs?: number;
  readonly maxLines?: number;
}

/** What the batched destinations flush when the process exits. */
const atExit = new Set<() => void>();

/** Whether `destination` takes {@link LazyLine}s. */
export function isLazyDestination(destination: DestinationStream): destination is LazyDestination {
  return (destination as Partial<LazyDestination>).lazy === true;
}

/**
 * A destination that hands the lines written to it to `inner` in one write per batch: at most
 * `intervalMs` (default 25 ms) after the first line of the batch, as soon as `maxLines` (default
 * 256, about 64 KiB of access lines) are waiting, on `flush`/`flushSync`, and synchronously at
 * process exit. Every write to `inner` (SonicBoom: a `Buffer.byteLength` scan, an `fs.write`
 * through libuv's pool and its callback) costs about as much as a cache hit's own work, so at tens
 * of thousands of access lines per second one write per line, or even per event-loop turn, is a
 * large share of the proxy's CPU; one per batch is not. A {@link LazyLine} is formatted when its
 * batch is joined, in order with the strings around it. The timer is unref'd: it never keeps the
 * process alive.
 *
 * @example
 * const logger = pino({}, batchedDestination(pino.destination({ dest: 2, sync: false })));
 */
export function batchedDestination(inner: FlushableDestination, options: BatchOptions = {}): LazyDestination {
  const intervalMs = options.intervalMs ?? 25;
  const maxLines = options.maxLines ?? 256;
  let pending: Array<string | LazyLine> = [];
  let timer: NodeJS.Timeout | undefined;
  const drain = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    inner.write(text);
  };
  atExit.add(() => {
    drain();
    inner.flushSync?.();
  });
  if (atExit.size === 1) process.once('exit', () => atExit.forEach((flush) => flush()));
  return {
    lazy: true,
    write(line: string | LazyLine) {
      if (pending.push(line) >= maxLines) drain();
      else timer ??= setTimeout(drain, intervalMs).unref();
    },
    flush(cb?: (error?: Error | null) => void) {
      drain();
      if (inner.flush) inner.flush(cb);
      else cb?.();
    },
    flushSync() {
      drain();
      inner.flushSync?.();
    },
  };
}
