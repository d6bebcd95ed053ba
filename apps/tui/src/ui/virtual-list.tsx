import { Box, Text } from 'ink';
import { memo, useMemo, type ReactElement } from 'react';
import type { Column } from '../format/columns.js';
import { cell, fitWidths, titleCell, titledWidth, type FitOptions } from '../format/fit.js';
import type { SortOrder } from '../state/types.js';
import { visibleRows } from '../state/list.js';
import type { ListData } from '../state/types.js';
import { useColor } from './color.js';

/** Props of {@link VirtualList}. */
export interface VirtualListProps<T> {
  readonly list: ListData<T>;
  readonly columns: ReadonlyArray<Column<T>>;
  readonly height: number;
  readonly width: number;
  readonly now: number;
  /** Draw the column titles (off on very short terminals). */
  readonly titles?: boolean;
  /** The list's order: its column's title gets ↑ or ↓. */
  readonly sort?: SortOrder;
  /** Which columns to keep when not all fit (see `fitWidths`). */
  readonly fit?: FitOptions;
}

/** Formats one row as a line fitted to the column widths: `cellOf(column, width)` gives each padded cell. */
type LineOf = (cellOf: (column: Column<never>, width: number) => string) => string;

interface RowProps {
  readonly item: unknown;
  readonly selected: boolean;
  readonly line: LineOf;
  /** `now` to the second: ages are shown in whole seconds, so rows re-render at most once a second. */
  readonly second: number;
}

/** One row; memoised, so a cursor move re-renders the two rows whose selection changed, not all of them. */
const Row = memo(function Row({ item, selected, line, second }: RowProps) {
  const color = useColor();
  const text = line((c, w) =>
    cell(c.fit === undefined ? c.display(item as never, second) : c.fit(item as never, second, w), w, c.align),
  );
  return (
    <Text inverse={selected} {...(selected ? color('cyan') : {})} wrap="truncate">
      {selected ? '›' : ' '}
      {text}
    </Text>
  );
});

/**
 * A list that renders only the rows in view (`offset` … `offset + height`), whatever the length of
 * the list, with a column header fitted to the width and the cursor row highlighted. Rows are keyed by
 * item, so scrolling by one row mounts one row and re-renders none of the others.
 *
 * @example
 * <VirtualList list={screen.list} columns={CHECKPOINT_COLUMNS} height={24} width={100} now={Date.now()} />
 */
export function VirtualList<T>({ list, columns, height, width, now, titles = true, sort, fit }: VirtualListProps<T>) {
  const color = useColor();
  const line = useMemo((): LineOf => {
    // Every column has room for a sort arrow after its title, so sorting by it never cuts its name.
    const widths = fitWidths(
      columns.map(titledWidth),
      // a column that never shrinks (its minimum is its width) keeps the arrow's room too
      columns.map((c) => (c.min >= c.width ? titledWidth(c) : c.min)),
      Math.max(10, width - 2),
      fit,
    );
    return (cellOf) =>
      columns
        .map((c, i) => ({ c: c, w: widths[i] ?? 0 }))
        .filter(({ w }) => w > 0)
        .map(({ c, w }) => cellOf(c, w))
        .join('  ');
  }, [columns, width, fit]);
  const sorted = sort?.column ?? 0;
  const arrow = sort?.descending === true ? '↓' : '↑';
  const header = useMemo(
    () =>
      line((c, w) => (columns.indexOf(c) + 1 === sorted ? titleCell(c.header, arrow, w, c.align) : cell(c.header, w, c.align))),
    [line, columns, sorted, arrow],
  );
  const second = Math.floor(now / 1000) * 1000;
  const rows: ReactElement[] = visibleRows(list, height).map(({ index, row, item }) => (
    <Row key={index} item={item} selected={row === list.cursor} line={line} second={second} />
  ));
  return (
    <Box flexDirection="column" height={height + (titles ? 1 : 0)}>
      {titles ? (
        <Text bold {...color('blue')} wrap="truncate">
          {' '}
          {header}
        </Text>
      ) : null}
      {rows}
    </Box>
  );
}
