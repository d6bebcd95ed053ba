import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchedDestination } from './batched-destination.js';
import { flushLog } from './flush-log.js';
import { createLogger } from './logger.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A destination like SonicBoom on a full pipe: writes are accepted, and `flush` calls back once the reader has drained them. */
function slowPipe() {
  const written: string[] = [];
  let drained: (() => void) | undefined;
  return {
    written,
    drain: () => drained?.(),
    destination: {
      write: (text: string) => void written.push(text),
      flush: (cb?: (error?: Error | null) => void) => {
        drained = () => cb?.();
      },
    },
  };
}

describe('flushLog', () => {
  it('resolves only once the destination has written every line, batched ones included', async () => {
    const pipe = slowPipe();
    const logger = createLogger({ level: 'info', destination: batchedDestination(pipe.destination, { intervalMs: 60_000 }) });
    logger.info({ reqId: 'last' }, 'request');
    let done = false;
    const flushed = flushLog(logger, 60_000).then(() => (done = true));
    expect(pipe.written.join('')).toContain('"reqId":"last"');
    await Promise.resolve();
    expect(done).toBe(false);
    pipe.drain();
    await flushed;
    expect(done).toBe(true);
  });

  it('gives up after the timeout when the reader never drains', async () => {
    vi.useFakeTimers();
    const pipe = slowPipe();
    const logger = createLogger({ level: 'info', destination: batchedDestination(pipe.destination) });
    let done = false;
    const flushed = flushLog(logger, 5_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await flushed;
    expect(done).toBe(true);
  });
});
