import { Box, Text } from 'ink';
import { memo, useMemo, type ReactElement } from 'react';
import type { Column } from '../format/columns.js';
import { cell, fitWidths } from '../format/fit.js';
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
}

/** Formats one row's cells as a line fitted to the column widths. */
type LineOf = (values: readonly string[]) => string;

interface RowProps {
  readonly item: unknown;
  readonly selected: boolean;
  readonly columns: ReadonlyArray<Column<never>>;
  readonly line: LineOf;
  /** `now` to the second: ages are shown in whole seconds, so rows re-render at most once a second. */
  readonly second: number;
}

/** One row; memoised, so a cursor move re-renders the two rows whose selection changed, not all of them. */
const Row = memo(function Row({ item, selected, columns, line, second }: RowProps) {
  const color = useColor();
  const text = line(columns.map((c) => c.display(item as never, second)));
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
export function VirtualList<T>({ list, columns, height, width, now }: VirtualListProps<T>) {
  const color = useColor();
  const line = useMemo((): LineOf => {
    const widths = fitWidths(
      columns.map((c) => c.width),
      columns.map((c) => c.min),
      Math.max(10, width - 2),
    );
    return (values) =>
      columns
        .map((c, i) => ({ c, w: widths[i] ?? 0, v: values[i] ?? '' }))
        .filter(({ w }) => w > 0)
        .map(({ c, w, v }) => cell(v, w, c.align))
        .join('  ');
  }, [columns, width]);
  const header = useMemo(() => line(columns.map((c) => c.header)), [line, columns]);
  const second = Math.floor(now / 1000) * 1000;
  const rows: ReactElement[] = visibleRows(list, height).map(({ index, row, item }) => (
    <Row
      key={index}
      item={item}
      selected={row === list.cursor}
      columns={columns as ReadonlyArray<Column<never>>}
      line={line}
      second={second}
    />
  ));
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text bold {...color('blue')} wrap="truncate">
        {' '}
        {header}
      </Text>
      {rows}
    </Box>
  );
}
