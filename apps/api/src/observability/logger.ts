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

/** What the batched destinations flush when the process exits. */
const atExit = new Set<() => void>();

/** A pino destination that also flushes synchronously (pino's own `SonicBoom` destination does). */
type FlushableDestination = DestinationStream & { flush?(cb?: (error?: Error | null) => void): void; flushSync?(): void };

/**
 * A destination that hands the lines written during one turn of the event loop to `inner` in one
 * write. pino still formats every line; what is saved is a write (and its `Buffer.byteLength`
 * scans) per line, which at tens of thousands of requests per second costs as much as serving a
 * hit. Lines are flushed on the next `setImmediate`, on `flush`/`flushSync`, and at exit.
 *
 * @example
 * const logger = pino({}, batchedDestination(pino.destination({ dest: 2, sync: false })));
 */
function batchedDestination(inner: FlushableDestination): FlushableDestination {
  let pending: string[] = [];
  const drain = () => {
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
    write(line: string) {
      if (pending.length === 0) setImmediate(drain);
      pending.push(line);
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

/**
 * Structured JSON logs (pino), with credentials redacted: to `destination`, or to `file` (default
 * 2, stderr) through {@link batchedDestination}.
 *
 * @example
 * const logger = createLogger({ level: 'info' });
 * logger.info({ authorization: 'Bearer x' }, 'hi'); // "authorization":"[REDACTED]"
 */
export function createLogger(options: { level?: string; destination?: DestinationStream; file?: string | number } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      base: { name: 'atlas-checkpoints-proxy' },
    },
    options.destination ?? batchedDestination(pino.destination({ dest: options.file ?? 2, sync: false })),
  );
}
