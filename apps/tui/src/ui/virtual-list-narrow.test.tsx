import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_COLUMNS, CHECKPOINT_FIT } from '../format/columns.js';
import { formatLocalTime } from '../format/time.js';
import type { Checkpoint } from '../source/types.js';
import { emptyList } from '../state/list.js';
import { PageWindow } from '../state/page-window.js';
import type { ListData } from '../state/types.js';
import { checkpoints } from '../test-helpers/rows.js';
import { VirtualList } from './virtual-list.js';

const ROWS = checkpoints(5);
const NOW = Date.parse('2024-02-01T00:00:00Z');
const list: ListData<Checkpoint> = { ...emptyList<Checkpoint>(), items: PageWindow.of(ROWS, 1), totalCount: 5, hasMore: false };
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** The list drawn `width` columns wide: its header line and first row. */
function drawn(width: number): { header: string; first: string } {
  const view = render(
    <VirtualList list={list} columns={CHECKPOINT_COLUMNS} height={5} width={width} now={NOW} fit={CHECKPOINT_FIT} />,
  );
  unmount = view.unmount;
  const [header = '', first = ''] = (view.lastFrame() ?? '').split('\n');
  return { header, first };
}

describe('the checkpoint list in a narrow terminal', () => {
  const id = ROWS[0]?.id ?? '';
  const time = formatLocalTime(ROWS[0]?.timestamp);

  it('at 40 columns shows the id shortened, the whole timestamp and whether it is restorable', () => {
    const { header, first } = drawn(40);
    expect(header).toMatch(/^ ID\s+TIMESTAMP\s+REST…/);
    expect(first).toContain(`${id.slice(0, 9)}…`);
    expect(first).toContain(time);
    expect(first).toMatch(/no\s*$/);
  });

  it('at 60 columns keeps the whole id beside the timestamp and status', () => {
    const { header, first } = drawn(60);
    expect(header).toMatch(/^ ID\s+TIMESTAMP\s+RESTORABLE/);
    expect(first).toContain(id);
    expect(first).toContain(time);
    expect(first).toMatch(/no\s*$/);
  });

  it('at 80 columns shows the timestamp with its age, as before', () => {
    const { header, first } = drawn(80);
    expect(header).toMatch(/^ ID\s+TIMESTAMP\s+RESTORABLE\s*$/);
    expect(first).toContain(id);
    expect(first).toMatch(/\(\d+\w* ago\)/);
  });
});
