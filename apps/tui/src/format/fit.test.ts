import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cell,
  cellWidth,
  COLUMN_GAP,
  cutToWidth,
  ellipsize,
  ellipsizeStart,
  fitWidths,
  titleCell,
  titledWidth,
  wrapToWidth,
} from './fit.js';

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

  it('shrinks a kept column below its own minimum only once every column is at its own', () => {
    // a 30-cell time kept whole while another column has room to give, however wide the time
    expect(fitWidths([30, 24, 24], [30, 8, 8], 62, { keep: 3, mins: [19, 8, 8] })).toEqual([30, 14, 14]);
    expect(fitWidths([30, 24], [30, 8], 38, { keep: 2, mins: [19, 8] })).toEqual([28, 8]);
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

describe('widths in terminal cells', () => {
  it('counts CJK and emoji as two cells, combining marks as none', () => {
    expect(cellWidth('東京')).toBe(4);
    expect(cellWidth('👍')).toBe(2);
    expect(cellWidth('e\u0301')).toBe(1);
    expect(cellWidth('abc')).toBe(3);
  });

  it('pads and cuts by cells: a CJK name fills its column exactly', () => {
    expect(cell('東京', 6)).toBe('東京  ');
    expect(cellWidth(cell('東京タワー', 6))).toBe(6);
    expect(cell('東京タワー', 6)).toBe('東京… ');
    expect(cell('東京', 6, 'right')).toBe('  東京');
  });

  it('never splits a surrogate pair, an emoji sequence or a combining mark', () => {
    expect(cutToWidth('a👍b', 2)).toBe('a');
    expect(cutToWidth('👨‍👩‍👧x', 2)).toBe('👨‍👩‍👧');
    expect(cutToWidth('ae\u0301x', 2)).toBe('ae\u0301');
  });

  it('any text cut to any width fits it and is a prefix made of whole graphemes', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.integer({ min: 0, max: 30 }), (text, width) => {
        const cut = cutToWidth(text, width);
        expect(cellWidth(cut)).toBeLessThanOrEqual(width);
        expect(text.startsWith(cut)).toBe(true);
        const whole = [...segmenter.segment(text)].map((s) => s.segment);
        const kept = [...segmenter.segment(cut)].map((s) => s.segment);
        expect(whole.slice(0, kept.length)).toEqual(kept);
        expect(cellWidth(cell(text, width))).toBe(Math.max(0, width));
      }),
    );
  });
});

describe('fitWidths with keep and firstShrinksLast', () => {
  const natural = [24, 30, 10, 20, 30];
  const mins = [24, 30, 10, 20, 19];
  const options = { keep: 3, mins: [8, 19, 5], firstShrinksLast: true };

  it('keeps the first three columns at 38 cells, the id shrunk last', () => {
    expect(fitWidths(natural, mins, 38, options)).toEqual([10, 19, 5, 0, 0]);
  });

  it('shows an optional column only beside the natural widths before it', () => {
    expect(fitWidths(natural, mins, 58, options)).toEqual([24, 20, 10, 0, 0]);
    expect(fitWidths(natural, mins, 90, options)).toEqual([24, 30, 10, 20, 0]);
  });

  it('without options drops from the right as before', () => {
    expect(fitWidths(natural, mins, 38)).toEqual([24, 0, 0, 0, 0]);
  });
});

describe('ellipsize', () => {
  it('cuts with an ellipsis, never mid-grapheme, and does not pad', () => {
    expect(ellipsize('東京-prod', 5)).toBe('東京…');
    expect(ellipsize('ab', 4)).toBe('ab');
    expect(ellipsize('ab', 0)).toBe('');
  });
});

describe('ellipsizeStart', () => {
  it('keeps the end and marks the cut at the start', () => {
    expect(ellipsizeStart('projects › prod › Cluster0', 12)).toBe('… › Cluster0');
    expect(ellipsizeStart('short', 12)).toBe('short');
  });

  it('never cuts a wide character in half', () => {
    expect(ellipsizeStart('prod › 東京タワー', 6)).toBe('…ワー');
    expect(cellWidth(ellipsizeStart('prod › 東京タワー', 6))).toBeLessThanOrEqual(6);
  });
});

describe('titleCell', () => {
  it('keeps the mark and cuts the name instead', () => {
    expect(titleCell('RESTORABLE', '↑', 11)).toBe('RESTORABLE↑');
    expect(titleCell('RESTORABLE', '↓', 5)).toBe('RES…↓');
    expect(titleCell('ID', '↑', 6)).toBe('ID↑   ');
  });

  it('reserves a cell for the mark in the natural width', () => {
    expect(titledWidth({ header: 'RESTORABLE', width: 10 })).toBe(11);
    expect(titledWidth({ header: 'ID', width: 24 })).toBe(24);
  });
});

describe('wrapToWidth', () => {
  it('breaks between words, cuts only a word wider than the line, keeps each line of the text', () => {
    expect(wrapToWidth('set MONGODB_ATLAS_CLIENT_ID and', 20)).toEqual(['set', 'MONGODB_ATLAS_CLIENT', '_ID and']);
    expect(wrapToWidth('a b\nc', 10)).toEqual(['a b', 'c']);
    expect(wrapToWidth('東京東京', 3)).toEqual(['東', '京', '東', '京']);
  });

  it('never exceeds the width and drops no character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '東', '\n') }),
        fc.integer({ min: 1, max: 12 }),
        (text, width) => {
          const lines = wrapToWidth(text, width);
          for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(Math.max(width, 2));
          expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        },
      ),
    );
  });
});
