import type { OutStream } from './io.js';

// A line redrawn in place (a progress line) starts with CR, optionally "erase line".
// eslint-disable-next-line no-control-regex
const REDRAW = /^\r(\u001b\[K)?/;

/**
 * A stream that starts every line it writes with `label`, so a reader of stderr always knows
 * where the line came from (demo mode labels every line `DEMO`). A line redrawn in place (`\r`,
 * `ESC [K`) gets the label after the redraw sequence; an empty redraw (clearing the line) none.
 *
 * @example
 * const stderr = labelLines(process.stderr, 'DEMO: ');
 * stderr.write('error: 404\nCheck the id.\n'); // 'DEMO: error: 404\nDEMO: Check the id.\n'
 */
export function labelLines(stream: OutStream, label: string): OutStream {
  let atLineStart = true;
  return {
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    get rows() {
      return stream.rows;
    },
    write(chunk: string) {
      let out = '';
      for (const piece of chunk.split(/(\n)/)) {
        if (piece === '\n') {
          out += piece;
          atLineStart = true;
          continue;
        }
        if (piece === '') continue;
        const redraw = REDRAW.exec(piece)?.[0] ?? '';
        const text = piece.slice(redraw.length);
        if ((atLineStart || redraw !== '') && text !== '') {
          out += redraw + label + text;
          atLineStart = false;
        } else {
          out += piece;
          if (text !== '') atLineStart = false;
          else if (redraw !== '') atLineStart = true; // the cursor is back at column 0
        }
      }
      return stream.write(out);
    },
  };
}
