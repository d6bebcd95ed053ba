import { describe, expect, it } from 'vitest';
import { checkpoints } from '../test-helpers/rows.js';
import { emptyList, moveTo, visibleRows } from './list.js';
import { PageWindow } from './page-window.js';
import type { ListData } from './types.js';
import type { Checkpoint } from '../source/types.js';

const ROWS = checkpoints(100_000);
const big = (patch: Partial<ListData<Checkpoint>> = {}): ListData<Checkpoint> => ({
  ...emptyList<Checkpoint>(),
  items: PageWindow.of(ROWS, 1),
  totalCount: ROWS.length,
  ...patch,
});

describe('visibleRows', () => {
  it('yields exactly `height` rows of a 100,000-row list, from the offset', () => {
    const rows = visibleRows(moveTo(big(), 50_000, 24), 24);
    expect(rows).toHaveLength(24);
    expect(rows[0]).toMatchObject({ row: 50_000 - 23, index: 50_000 - 23 });
    expect(rows.at(-1)?.item).toBe(ROWS[50_000]);
  });

  it('maps rows through the view and stops at its end', () => {
    const view = [99_999, 5, 7];
    const rows = visibleRows(big({ view }), 24);
    expect(rows.map((r) => r.index)).toEqual(view);
    expect(rows.map((r) => r.row)).toEqual([0, 1, 2]);
  });

  it('yields nothing for an empty list or no height', () => {
    expect(visibleRows(emptyList(), 24)).toEqual([]);
    expect(visibleRows(big(), 0)).toEqual([]);
  });
});
