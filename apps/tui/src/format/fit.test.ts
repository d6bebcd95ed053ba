import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cell, COLUMN_GAP, fitWidths } from './fit.js';

const used = (ws: number[]): number => {
  const shown = ws.filter((w) => w > 0);
  return shown.reduce((a, b) => a + b, 0) + Math.max(0, shown.length - 1) * COLUMN_GAP;
};

describe('fitWidths', () => {
  it('keeps natural widths when they fit', () => {
    expect(fitWidths([5, 6], [1, 1], 80)).toEqual([5, 6]);
  });

  it('shrinks the widest column first', () => {
    expect(fitWidths([24, 30, 10], [8, 10, 5], 40)).toEqual([13, 13, 10]);
  });

  it('drops columns from the right once every column is at its minimum', () => {
    expect(fitWidths([10, 10, 10], [10, 10, 10], 25)).toEqual([10, 10, 0]);
  });

  it('never exceeds the width when it can fit at least the first column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 20 })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 20, max: 200 }),
        (cols, total) => {
          const natural = cols.map(([n]) => n);
          const mins = cols.map(([n, m]) => Math.min(n, m));
          const widths = fitWidths(natural, mins, total);
          expect(used(widths)).toBeLessThanOrEqual(total);
          widths.forEach((w, i) => expect(w).toBeLessThanOrEqual(natural[i] ?? 0));
        },
      ),
    );
  });
});

describe('cell', () => {
  it('truncates with an ellipsis and pads', () => {
    expect(cell('checkpoint', 6)).toBe('check…');
    expect(cell('ab', 4)).toBe('ab  ');
    expect(cell('ab', 4, 'right')).toBe('  ab');
    expect(cell('ab', 0)).toBe('');
  });
});
