import { Box, Text } from 'ink';
import type { Column } from '../format/columns.js';
import { cell, fitWidths } from '../format/fit.js';
import { itemAt, viewLength } from '../state/list.js';
import type { ListData } from '../state/types.js';
import type { ReactElement } from 'react';
import { useColor } from './color.js';

/** Props of {@link VirtualList}. */
export interface VirtualListProps<T> {
  readonly list: ListData<T>;
  readonly columns: ReadonlyArray<Column<T>>;
  readonly height: number;
  readonly width: number;
  readonly now: number;
}

/**
 * A list that renders only the rows in view (`offset` … `offset + height`), whatever the length of
 * the list, with a column header fitted to the width and the cursor row highlighted.
 *
 * @example
 * <VirtualList list={screen.list} columns={CHECKPOINT_COLUMNS} height={24} width={100} now={Date.now()} />
 */
export function VirtualList<T>({ list, columns, height, width, now }: VirtualListProps<T>) {
  const color = useColor();
  const widths = fitWidths(columns.map((c) => c.width), columns.map((c) => c.min), Math.max(10, width - 2));
  const line = (values: readonly string[]): string =>
    columns
      .map((c, i) => ({ c, w: widths[i] ?? 0, v: values[i] ?? '' }))
      .filter(({ w }) => w > 0)
      .map(({ c, w, v }) => cell(v, w, c.align))
      .join('  ');
  const rows: ReactElement[] = [];
  const end = Math.min(viewLength(list), list.offset + height);
  for (let row = list.offset; row < end; row++) {
    const item = itemAt(list, row);
    if (item === undefined) continue;
    const text = line(columns.map((c) => c.display(item, now)));
    const selected = row === list.cursor;
    rows.push(
      <Text key={row} inverse={selected} {...(selected ? color('cyan') : {})} wrap="truncate">
        {selected ? '›' : ' '}
        {text}
      </Text>,
    );
  }
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text bold {...color('blue')} wrap="truncate">
        {' '}
        {line(columns.map((c) => c.header))}
      </Text>
      {rows}
    </Box>
  );
}
