import type { Column } from './columns.js';
import { printable } from './printable.js';

// What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): = + - @, tab, CR.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 CSV field: quoted when it holds a comma or quote; quotes doubled. A string (text from
 * the network) is made safe first: one that a spreadsheet would run as a formula gets a leading `'`
 * (OWASP's advice), and control characters become `�` (no escape sequence reaches a terminal, no
 * line break splits a record). Numbers and booleans are written as they are.
 *
 * @example
 * csvField('a,"b"') // '"a,""b"""'
 * csvField('=1+1') // "'=1+1"
 */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string') text = printable(FORMULA_START.test(text) ? `'${text}` : text);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV lines (CRLF-free, `\n` ended) for the header and for each row, raw values (ISO times, UTC).
 *
 * @example
 * csvHeader(CHECKPOINT_COLUMNS) // 'id,timestamp,restorable,parts,started,completed\n'
 */
export function csvHeader<T>(columns: ReadonlyArray<Column<T>>): string {
  return columns.map((c) => csvField(c.key)).join(',') + '\n';
}

/** One CSV row. */
export function csvRow<T>(columns: ReadonlyArray<Column<T>>, row: T): string {
  return columns.map((c) => csvField(c.raw(row))).join(',') + '\n';
}
