import { pino, type DestinationStream, type Logger } from 'pino';
import { registerDirectLines } from './access-log.js';
import { batchedDestination } from './batched-destination.js';

export { flushLog, LOG_FLUSH_TIMEOUT_MS } from './flush-log.js';

/** Paths pino censors in every log line: credential headers and anything named like a token or secret. */
const REDACT_PATHS = [
  'authorization',
  'cookie',
  'token',
  'secret',
  'password',
  '*.authorization',
  '*.cookie',
  '*.token',
  '*.secret',
  '*.password',
  '*.clientSecret',
  '*.privateKey',
  '*.adminToken',
  'headers.authorization',
  'headers.cookie',
  'headers["x-admin-token"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["set-cookie"]',
];

/**
 * Structured JSON logs (pino), with credentials redacted: to `destination`, or to `file` (default
 * 2, stderr) through {@link batchedDestination}.
 *
 * @example
 * const logger = createLogger({ level: 'info' });
 * logger.info({ authorization: 'Bearer x' }, 'hi'); // "authorization":"[REDACTED]"
 */
export function createLogger(options: { level?: string; destination?: DestinationStream; file?: string | number } = {}): Logger {
  const base = { name: 'atlas-checkpoints-proxy' };
  const destination = options.destination ?? batchedDestination(pino.destination({ dest: options.file ?? 2, sync: false }));
  const logger = pino(
    { level: options.level ?? 'info', redact: { paths: REDACT_PATHS, censor: '[REDACTED]' }, base },
    destination,
  );
  registerDirectLines(logger, destination, base);
  return logger;
}
