import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_COLUMNS, type Column } from '../format/columns.js';
import type { Checkpoint } from '../source/types.js';
import { emptyList, moveTo } from '../state/list.js';
import { PageWindow } from '../state/page-window.js';
import type { ListData } from '../state/types.js';
import { checkpoints, hexId } from '../test-helpers/rows.js';
import { VirtualList } from './virtual-list.js';

const ROWS = checkpoints(100_000);
const NOW = Date.parse('2024-02-01T00:00:00Z');
const HEIGHT = 20;
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** The checkpoint columns, counting every cell they format (one call per column per rendered row). */
function countingColumns(): { columns: Array<Column<Checkpoint>>; rowsFormatted: () => number } {
  let calls = 0;
  const columns = CHECKPOINT_COLUMNS.map((c) => {
    // the id column is never dropped: one call per row formatted
    if (c.key !== 'id') return c;
    return { ...c, display: (row: Checkpoint, now: number) => (calls++, c.display(row, now)) };
  });
  return { columns, rowsFormatted: () => calls };
}

describe('VirtualList at 100,000 rows', () => {
  const list: ListData<Checkpoint> = {
    ...emptyList<Checkpoint>(),
    items: PageWindow.of(ROWS, 1),
    totalCount: ROWS.length,
    hasMore: false,
  };

  it('draws only the rows in view', () => {
    const { columns, rowsFormatted } = countingColumns();
    const at = moveTo(list, 70_000, HEIGHT);
    const view = render(<VirtualList list={at} columns={columns} height={HEIGHT} width={100} now={NOW} />);
    unmount = view.unmount;
    const lines = (view.lastFrame() ?? '').split('\n');
    expect(lines).toHaveLength(HEIGHT + 1);
    expect(lines[1]).toContain(hexId(70_000 - HEIGHT + 1));
    expect(lines.at(-1)).toContain(`›${hexId(70_000)}`);
    expect(rowsFormatted()).toBe(HEIGHT);
  });

  it('re-renders only the rows whose selection changed on a cursor move, and only the new row on a scroll', () => {
    const { columns, rowsFormatted } = countingColumns();
    let at = moveTo(list, 5, HEIGHT);
    const draw = (now = NOW) => <VirtualList list={at} columns={columns} height={HEIGHT} width={100} now={now} />;
    const view = render(draw());
    unmount = view.unmount;
    const start = rowsFormatted();
    at = moveTo(at, 6, HEIGHT);
    view.rerender(draw(NOW + 400));
    expect(view.lastFrame()).toContain(`›${hexId(6)}`);
    expect(rowsFormatted() - start).toBe(2);
    at = moveTo(at, HEIGHT, HEIGHT);
    view.rerender(draw(NOW + 800));
    expect(at.offset).toBe(1);
    expect(view.lastFrame()).toContain(`›${hexId(HEIGHT)}`);
    // Row 6 loses the cursor and row 20 scrolls in; rows 1…19 are the same elements, not re-rendered.
    expect(rowsFormatted() - start).toBe(2 + 2);
  });
});
