import type { Column } from '../format/columns.js';
import { csvHeader, csvRow } from '../format/csv.js';
import { renderTable } from '../format/table.js';
import type { PageOf } from '../source/types.js';
import type { CliIo } from './io.js';

/** `-o` values. */
export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Table width: the terminal's, or 120 when stdout is not a terminal. */
export function tableWidth(io: CliIo): number {
  return io.stdout.isTTY === true && io.stdout.columns !== undefined ? io.stdout.columns : 120;
}

/**
 * Writes one page as the API's own document (`json`), one item per line (`ndjson`), CSV, or a fitted table.
 *
 * @example
 * writePage('json', CHECKPOINT_COLUMNS, page, io)
 */
export function writePage<T>(format: OutputFormat, columns: ReadonlyArray<Column<T>>, page: PageOf<T>, io: CliIo): void {
  switch (format) {
    case 'json':
      io.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
      return;
    case 'ndjson':
      for (const item of page.results) io.stdout.write(`${JSON.stringify(item)}\n`);
      return;
    case 'csv':
      io.stdout.write(csvHeader(columns));
      for (const item of page.results) io.stdout.write(csvRow(columns, item));
      return;
    case 'table':
      io.stdout.write(renderTable(columns, page.results, { width: tableWidth(io), now: Date.now() }));
      return;
    default:
      format satisfies never;
  }
}

/**
 * Writes items as they arrive from a walk: `ndjson` and `csv` stream line by line; `json` and `table`
 * collect first (`json` is `{ results, totalCount }`, the shape of one page holding every item).
 *
 * @example
 * await writeStream('ndjson', CHECKPOINT_COLUMNS, paginate(...), io, () => it.report.finalTotal)
 */
export async function writeStream<T>(
  format: OutputFormat,
  columns: ReadonlyArray<Column<T>>,
  items: AsyncIterable<T>,
  io: CliIo,
  limit: number,
  totalCount: () => number | undefined,
): Promise<number> {
  const collected: T[] = [];
  let count = 0;
  if (format === 'csv') io.stdout.write(csvHeader(columns));
  for await (const item of items) {
    if (format === 'ndjson') io.stdout.write(`${JSON.stringify(item)}\n`);
    else if (format === 'csv') io.stdout.write(csvRow(columns, item));
    else collected.push(item);
    count += 1;
    if (count >= limit) break;
  }
  if (format === 'json') {
    const total = totalCount();
    io.stdout.write(
      `${JSON.stringify({ results: collected, ...(total === undefined ? {} : { totalCount: total }) }, null, 2)}\n`,
    );
  } else if (format === 'table') {
    io.stdout.write(renderTable(columns, collected, { width: tableWidth(io), now: Date.now() }));
  }
  return count;
}

/**
 * A progress line on stderr, only when stderr is a terminal; `done()` clears it. `io` is the same
 * streams with stdout clearing the line before each write, so output never lands after it on one line.
 */
export function progressLine(io: CliIo): {
  update(loaded: number, total: number | undefined): void;
  done(): void;
  readonly io: CliIo;
} {
  const active = io.stderr.isTTY === true;
  let shown = false;
  const done = (): void => {
    if (shown) io.stderr.write('\r\u001b[K');
    shown = false;
  };
  const stdout = io.stdout;
  return {
    update(loaded, total) {
      if (!active) return;
      io.stderr.write(
        `\r\u001b[Kfetched ${loaded.toLocaleString('en-US')} of ${total === undefined ? '?' : total.toLocaleString('en-US')}`,
      );
      shown = true;
    },
    done,
    io: {
      ...io,
      stdout: {
        isTTY: stdout.isTTY,
        columns: stdout.columns,
        rows: stdout.rows,
        write(chunk: string) {
          done();
          return stdout.write(chunk);
        },
      },
    },
  };
}
