import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../observability/logger.js';

/** A proxy logger at `info` whose JSON lines are parsed into `lines` as they are written. */
export function logLines() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

/** Writes `text` on a new connection to `url`'s port in one write and reads until the server closes it. */
export async function exchange(url: string, text: string): Promise<string> {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  socket.write(text);
  let reply = '';
  for await (const chunk of socket) reply += String(chunk);
  return reply;
}
