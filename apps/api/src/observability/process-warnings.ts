import type { Logger } from 'pino';

/**
 * Sends the process's warnings (`process.emitWarning`: Node's and its dependencies', such as
 * undici's `ExperimentalWarning` for its decompress interceptor) to `logger` at `warn`, as JSON
 * lines like every other line on stderr, in place of Node's plain-text
 * `(node:1234) ExperimentalWarning: …` lines that a log shipper parsing JSON chokes on. Node prints
 * warnings from a `warning` listener of its own, which this replaces. For the process's owner
 * (the bin) only. Returns a function that puts the previous listeners back.
 *
 * @example
 * const restore = logProcessWarnings(logger);
 * // {"level":40,…,"warning":{"name":"ExperimentalWarning","message":"…"},"msg":"process warning"}
 */
export function logProcessWarnings(logger: Logger): () => void {
  const previous = process.listeners('warning');
  process.removeAllListeners('warning');
  const listener = (warning: Error & { code?: string }) =>
    logger.warn(
      {
        warning: { name: warning.name, message: warning.message, ...(warning.code === undefined ? {} : { code: warning.code }) },
      },
      'process warning',
    );
  process.on('warning', listener);
  return () => {
    process.off('warning', listener);
    for (const restored of previous) process.on('warning', restored);
  };
}
