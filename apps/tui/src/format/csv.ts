import type { Column } from './columns.js';

/**
 * One RFC 4180 CSV field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
 *
 * @example
 * csvField('a,"b"') // '"a,""b"""'
 */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
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
