import { describe, expect, it } from 'vitest';
import { labelLines } from './label-lines.js';

function sink() {
  let written = '';
  return {
    stream: {
      write: (chunk: string) => (written += chunk),
      isTTY: true,
      columns: 80,
    },
    get written() {
      return written;
    },
  };
}

describe('labelLines', () => {
  it('labels every line, whatever the chunks', () => {
    const out = sink();
    const stderr = labelLines(out.stream, 'DEMO: ');
    stderr.write('error: one\nhint');
    stderr.write(' continued\n');
    stderr.write('\n');
    stderr.write('last\n');
    expect(out.written).toBe('DEMO: error: one\nDEMO: hint continued\n\nDEMO: last\n');
  });

  it('labels a progress line after its redraw, and leaves a clearing redraw alone', () => {
    const out = sink();
    const stderr = labelLines(out.stream, 'DEMO: ');
    stderr.write('\r\u001b[Kfetched 1 of 2');
    stderr.write('\r\u001b[Kfetched 2 of 2');
    stderr.write('\r\u001b[K');
    stderr.write('done\n');
    expect(out.written).toBe('\r\u001b[KDEMO: fetched 1 of 2\r\u001b[KDEMO: fetched 2 of 2\r\u001b[KDEMO: done\n');
  });

  it('passes the terminal facts through', () => {
    const stderr = labelLines(sink().stream, 'DEMO: ');
    expect(stderr.isTTY).toBe(true);
    expect(stderr.columns).toBe(80);
  });
});
