import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createAccessLog, type AccessFields } from './access-log.js';
import { batchedDestination } from './batched-destination.js';
import { createLogger } from './logger.js';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { chunks, stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

const base: AccessFields = {
  reqId: '3b1321bf-c82a-45e0-b58f-f77e15db30a0',
  method: 'GET',
  path: '/api/atlas/v2/groups?pageNum=2',
  route: 'listProjects',
  status: 200,
  cache: 'hit',
  ms: 0.123,
};

// Values JSON must escape, and values it must not touch: each line must be the one pino writes.
const awkward: AccessFields[] = [
  base,
  { ...base, path: '/a"b\\c', ms: 1 },
  { ...base, path: '/tab\there\u0000\u001f\u007f', ms: 10.5 },
  { ...base, path: '/é/日本/\u{1F600}', ms: 0 },
  { ...base, path: '/x', ms: 123.456 },
  { ...base, reqId: 'a.b:c@d/e+f=g-h_i', method: 'HEAD', route: 'unmatched', cache: 'none', status: 404, ms: 2.01 },
  // A request Node's parser refused: no method or path to log.
  { ...base, method: undefined, path: undefined, route: 'unmatched', cache: 'none', status: 431, ms: 0.5 },
];

describe('the access log', () => {
  it('writes, for every field value, the line pino writes for the same fields (time aside)', () => {
    const ours = capture();
    const theirs = capture();
    const access = createAccessLog(createLogger({ level: 'info', destination: ours.stream }));
    const reference = pino({ base: { name: 'atlas-checkpoints-proxy' } }, theirs.stream);
    for (const fields of awkward) {
      access(fields);
      reference.info({ ...fields }, 'request');
    }
    const untimed = (line: string) => line.replace(/"time":\d+/, '"time":0');
    expect(ours.lines().map(untimed)).toEqual(theirs.lines().map(untimed));
    expect(ours.lines().map((line) => JSON.parse(line) as unknown)).toHaveLength(awkward.length);
  });

  it('keeps a lone surrogate as a JSON escape (pino writes U+FFFD in its place)', () => {
    const { stream, lines } = capture();
    createAccessLog(createLogger({ level: 'info', destination: stream }))({ ...base, path: '/lone\ud800' });
    expect(lines()[0]).toContain('"path":"/lone\\ud800"');
    expect((JSON.parse(lines()[0] ?? '') as { path: string }).path).toBe('/lone\ud800');
  });

  it('writes nothing while info is off, and follows the level when it changes', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ level: 'warn', destination: stream });
    const access = createAccessLog(logger);
    access(base);
    expect(lines()).toEqual([]);
    logger.level = 'info';
    access(base);
    expect(lines()).toHaveLength(1);
  });

  it("goes through pino for any other logger (a caller's own, a child)", () => {
    const { stream, lines } = capture();
    const own = pino({ messageKey: 'message', base: { service: 'mine' } }, stream);
    createAccessLog(own)(base);
    createAccessLog(createLogger({ level: 'info', destination: stream }).child({ replica: 'a' }))(base);
    const [first, second] = lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ service: 'mine', message: 'request', reqId: base.reqId, ms: base.ms });
    expect(second).toMatchObject({ replica: 'a', msg: 'request', route: base.route });
  });

  it('on the batched destination, formats lines when the batch is written, in order with pino lines', () => {
    const { chunks, stream, lines } = capture();
    const destination = batchedDestination(stream, { maxLines: 1000, intervalMs: 60_000 });
    const logger = createLogger({ level: 'info', destination });
    const access = createAccessLog(logger);
    access(base);
    logger.warn('between');
    access({ ...base, status: 304 });
    expect(chunks).toEqual([]);
    destination.flushSync?.();
    expect(chunks).toHaveLength(1);
    expect(lines().map((line) => (JSON.parse(line) as { msg: string; status?: number }).status ?? 'warn')).toEqual([
      200,
      'warn',
      304,
    ]);
  });
});
