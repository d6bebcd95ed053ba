import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkpoints } from '../test-helpers/rows.js';
import type { Checkpoint } from '../source/types.js';
import { AppendList, type Indexed } from './append-list.js';
import { computeView, extendView, Reversed, rowOfIndex } from './view.js';
import type { SortOrder } from './types.js';

/** API order ascending, or column `n` ascending. */
const by = (column: number, descending = false): SortOrder => ({ column, descending });

const rowsOf = (view: Indexed<number> | null): number[] | null =>
  view === null ? null : Array.from({ length: view.length }, (_, i) => view.at(i) ?? -1);

/** Checkpoints whose `id` getter counts reads, to see how often search texts and sort keys are built. */
function counted(n: number): { rows: Checkpoint[]; reads: () => number } {
  let reads = 0;
  const rows = checkpoints(n).map((c) => {
    const { id } = c;
    return Object.defineProperty({ ...c }, 'id', { get: () => (reads++, id), enumerable: true });
  });
  return { rows, reads: () => reads };
}

describe('computeView', () => {
  it('returns the same array for the same (items, filter, sort), and null for neither', () => {
    const items = checkpoints(50);
    const view = computeView('checkpoints', items, 'rs-1', by(2));
    expect(computeView('checkpoints', items, 'RS-1 ', by(2))).toBe(view);
    expect(computeView('checkpoints', [...items], 'rs-1', by(2))).not.toBe(view);
    expect(computeView('checkpoints', items, '  ', by(0))).toBeNull();
    expect(view).toBeInstanceOf(AppendList);
  });

  it('builds each row’s search text once, however many filters are typed', () => {
    const { rows, reads } = counted(1_000);
    computeView('checkpoints', rows, 'c', by(0));
    const first = reads();
    expect(first).toBe(1_000);
    computeView('checkpoints', rows, 'c0', by(0));
    computeView('checkpoints', rows, 'c00', by(0));
    expect(reads()).toBe(first);
  });

  it('reads each row’s sort key once per sort, not once per comparison', () => {
    const { rows, reads } = counted(1_000);
    const before = reads();
    computeView('checkpoints', rows, '', by(1));
    expect(reads() - before).toBe(1_000);
  });
});

describe('extendView', () => {
  it('equals the view computed from scratch after rows are appended', () => {
    const all = checkpoints(60);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('', 'rs-1', 'restorable', 'not-restorable', '2024-01-02', 'zzz'),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        (cut, filter, column, descending) => {
          const sort = by(column, descending);
          const head = all.slice(0, cut);
          const before = computeView('checkpoints', head, filter, sort);
          const after = [...head, ...all.slice(cut)];
          expect(rowsOf(extendView('checkpoints', after, filter, sort, before, cut))).toEqual(
            rowsOf(computeView('checkpoints', after, filter, sort)),
          );
        },
      ),
    );
  });

  it('filters only the appended rows when there is no sort', () => {
    const { rows, reads } = counted(200);
    const head = rows.slice(0, 100);
    const before = computeView('checkpoints', head, 'rs-1', by(0));
    const start = reads();
    const after = extendView('checkpoints', rows, 'rs-1', by(0), before, 100);
    expect(reads() - start).toBe(100);
    expect(after instanceof AppendList && before instanceof AppendList && after.sharesStorageWith(before)).toBe(true);
  });
});

describe('newest first and the row of an item', () => {
  it('reverses API order without building an array, and finds an item’s row in any view', () => {
    const items = checkpoints(100);
    const reversed = computeView('checkpoints', items, '', by(0, true));
    expect(reversed).toBeInstanceOf(Reversed);
    expect(reversed?.at(0)).toBe(99);
    expect(rowOfIndex(reversed, 100, 99, by(0, true))).toBe(0);
    expect(rowOfIndex(null, 100, 42, by(0))).toBe(42);
    const filtered = computeView('checkpoints', items, 'not-restorable', by(0, true));
    // not-restorable: every third (99, 96, …): item 97 is not in the view, its row is the next one in view order (96)
    expect(rowOfIndex(filtered, 100, 96, by(0, true))).toBe(1);
    expect(rowOfIndex(filtered, 100, 97, by(0, true))).toBe(1);
    const sorted = computeView('checkpoints', items, '', by(3));
    expect(sorted?.at(rowOfIndex(sorted, 100, 50, by(3)))).toBe(50);
  });
});
