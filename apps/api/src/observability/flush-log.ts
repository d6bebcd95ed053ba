import type { Logger } from 'pino';

/** How long shutdown waits for the log to reach its destination (ms): a reader that has stopped must not hold the process. */
export const LOG_FLUSH_TIMEOUT_MS = 5_000;

/**
 * Resolves once every line `logger` has written so far has reached its destination (pino's
 * `flush` callback: the batch, then SonicBoom's buffer, however slowly the reader of stderr
 * drains it), or after `timeoutMs` (ms). Called before `process.exit`, which would otherwise cut
 * off an asynchronous write still in flight: lines lost, and one cut in half, when stderr is a
 * pipe a log driver drains slowly (found by a break-test).
 *
 * @example
 * await flushLog(logger, LOG_FLUSH_TIMEOUT_MS);
 * process.exit(0);
 */
export function flushLog(logger: Logger, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    logger.flush(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
