import type { Column } from './columns.js';
import { cell, cellWidth, fitWidths } from './fit.js';
import { printable } from './printable.js';

const MAX_NATURAL = 60;

/**
 * Renders rows as a plain-text table that fits `width` cells (columns shrink, then drop from the right).
 *
 * @example
 * process.stdout.write(renderTable(CHECKPOINT_COLUMNS, page.results, { width: 100, now: Date.now() }));
 */
export function renderTable<T>(
  columns: ReadonlyArray<Column<T>>,
  rows: readonly T[],
  options: { width: number; now: number },
): string {
  const cells = rows.map((row) => columns.map((c) => c.display(row, options.now)));
  const natural = columns.map((c, i) =>
    Math.min(MAX_NATURAL, Math.max(cellWidth(c.header), ...cells.map((r) => cellWidth(printable(r[i] ?? ''))))),
  );
  const widths = fitWidths(
    natural,
    columns.map((c) => Math.min(c.min, natural[columns.indexOf(c)] ?? c.min)),
    options.width,
  );
  // a value wider than its column is cut, except where the column has a shorter whole form (times)
  const line = (values: readonly string[], row?: T): string =>
    columns
      .map((c, i) => ({ c, w: widths[i] ?? 0, v: values[i] ?? '' }))
      .filter(({ w }) => w > 0)
      .map(({ c, w, v }) =>
        cell(row !== undefined && c.fit !== undefined && v.length > w ? c.fit(row, options.now, w) : v, w, c.align),
      )
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map((values, r) => line(values, rows[r]))].join('\n') + '\n';
}
