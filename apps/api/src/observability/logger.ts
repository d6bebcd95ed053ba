import { pino, type DestinationStream, type Logger } from 'pino';

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
 * Structured JSON logs (pino) to stderr by default, with credentials redacted.
 *
 * @example
 * const logger = createLogger({ level: 'info' });
 * logger.info({ authorization: 'Bearer x' }, 'hi'); // "authorization":"[REDACTED]"
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      base: { name: 'atlas-checkpoints-proxy' },
    },
    options.destination ?? pino.destination({ dest: 2, sync: false }),
  );
}
