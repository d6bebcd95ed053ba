import type { DestinationStream, Logger } from 'pino';
import { memoize } from './memo.js';
import { isLazyDestination, type LazyDestination } from './batched-destination.js';

/**
 * The fields of one access-log line (see `createObserver`): `ms` is the served duration in
 * milliseconds; `method` and `path` are left out when unknown (a request Node could not parse).
 */
export interface AccessFields {
  readonly reqId: string;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly route: string;
  readonly status: number;
  readonly cache: string;
  readonly ms: number;
}

/** Writes one access-log line at `info`. */
export type AccessLog = (fields: AccessFields) => void;

/** What a logger made by `createLogger` lets the access log write directly: its destination and the JSON of its bindings. */
interface DirectLine {
  readonly destination: DestinationStream | LazyDestination;
  /** `,"name":"…"` and any other bindings, as pino writes them after `time`. */
  readonly bindings: string;
}

const direct = new WeakMap<Logger, DirectLine>();

/** Whether JSON may need to escape a character of `value`: `"`, `\\`, a control character or a non-ASCII code unit (RFC 8259 §7). */
function mayNeedEscape(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || code > 0x7e) return true;
  }
  return false;
}

/** `value` as a JSON string: quoted as it is when no character may need an escape (the common case: a scan, no copy), else by `JSON.stringify`. */
function jsonString(value: string): string {
  return mayNeedEscape(value) ? JSON.stringify(value) : `"${value}"`;
}

/** JSON strings of the values of a small set (routes, cache results, methods): one map lookup each. */
const knownJson = memoize(jsonString, 256);

/** A duration in ms to three decimals, from integer µs (no floating-point formatting). */
function millis(ms: number): string {
  const us = Math.round(ms * 1000);
  const frac = us % 1000;
  return frac === 0
    ? `${(us - frac) / 1000}`
    : `${(us - frac) / 1000}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}`.replace(/0+$/, '');
}

/** One access line, formatted when its batch is written (`toString`, which `Array.prototype.join` calls). */
class AccessLine {
  constructor(
    private readonly time: number,
    private readonly bindings: string,
    private readonly f: AccessFields,
  ) {}

  toString(): string {
    const f = this.f;
    return `{"level":30,"time":${this.time}${this.bindings},"reqId":${jsonString(f.reqId)}${f.method === undefined ? '' : `,"method":${knownJson(f.method)}`}${f.path === undefined ? '' : `,"path":${jsonString(f.path)}`},"route":${knownJson(f.route)},"status":${f.status},"cache":${knownJson(f.cache)},"ms":${millis(f.ms)},"msg":"request"}\n`;
  }
}

/**
 * Lets {@link createAccessLog} write `logger`'s access lines itself (called by `createLogger`,
 * whose options (numeric levels, epoch `time`, `msg`, no mixin or formatter) it relies on).
 */
export function registerDirectLines(logger: Logger, destination: DestinationStream, bindings: Record<string, string>): void {
  const text = Object.entries(bindings)
    .map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join('');
  direct.set(logger, { destination, bindings: text });
}

/**
 * The access log of `logger`. For a logger made by `createLogger` each line is byte for byte the
 * JSON pino writes for the same fields (`{"level":30,"time":<epoch ms>,"name":…,"reqId":…,…,
 * "msg":"request"}`), built from one template, not by pino's general path (serialisers, hooks,
 * redaction, a walk over the object), which costs about as much as serving a 6 KB hit. A string
 * is written as it is when JSON needs no escape in it, else by `JSON.stringify`. On the batched
 * destination (`createLogger`'s own) the line is formatted when its batch is written, in one loop
 * with the others, in the order it was logged among pino's own lines; on any other destination at
 * once. Lines are written only while `info` is enabled. Any other logger (a caller's own pino, a
 * child) gets `logger.info(fields, 'request')`.
 *
 * @example
 * const access = createAccessLog(createLogger({ level: 'info' }));
 * access({ reqId: 'a1', method: 'GET', path: '/api/atlas/v2/groups', route: 'listProjects', status: 200, cache: 'hit', ms: 0.21 });
 */
export function createAccessLog(logger: Logger): AccessLog {
  const line = direct.get(logger);
  if (!line) return (fields) => logger.info(fields, 'request');
  const { destination, bindings } = line;
  if (isLazyDestination(destination))
    return (f) => {
      if (logger.isLevelEnabled('info')) destination.write(new AccessLine(Date.now(), bindings, f));
    };
  return (f) => {
    if (logger.isLevelEnabled('info')) destination.write(new AccessLine(Date.now(), bindings, f).toString());
  };
}
