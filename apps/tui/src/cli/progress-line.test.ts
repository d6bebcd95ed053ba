import { describe, expect, it } from 'vitest';
import type { CliIo, OutStream } from './io.js';
import { progressLine } from './output.js';

function terminalIo(): { io: CliIo; screen: () => string } {
  let out = '';
  const tty = (): OutStream => ({ isTTY: true, columns: 80, write: (chunk: string) => (out += chunk) });
  return { io: { stdout: tty(), stderr: tty(), stdinIsTTY: true, env: {} }, screen: () => out };
}

describe('progressLine', () => {
  it('clears the progress line before stdout writes, so output never lands after it on one line', () => {
    const { io, screen } = terminalIo();
    const progress = progressLine(io);
    progress.update(500, 500);
    progress.io.stdout.write('ID  TIMESTAMP\n');
    progress.done();
    expect(screen()).toBe('\r\u001b[Kfetched 500 of 500\r\u001b[KID  TIMESTAMP\n');
  });

  it('writes nothing to stderr when stderr is not a terminal', () => {
    let err = '';
    const io: CliIo = {
      stdout: { write: () => true },
      stderr: { isTTY: false, write: (chunk: string) => (err += chunk) },
      stdinIsTTY: false,
      env: {},
    };
    const progress = progressLine(io);
    progress.update(1, 2);
    progress.io.stdout.write('x\n');
    progress.done();
    expect(err).toBe('');
  });
});
