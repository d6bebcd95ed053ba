import { describe, expect, it } from 'vitest';
import { PageWindow } from './page-window.js';

describe('PageWindow', () => {
  it('grows at both ends, numbering its pages, and reads any row', () => {
    const w = PageWindow.of([20, 21], 11).prepend([18, 19]).append([22]);
    expect([w.firstPage, w.lastPage, w.length]).toEqual([10, 12, 5]);
    expect(Array.from({ length: 6 }, (_, i) => w.at(i))).toEqual([18, 19, 20, 21, 22, undefined]);
    expect(w.at(-1)).toBeUndefined();
  });

  it('leaves earlier windows as they were', () => {
    const one = PageWindow.of(['a'], 3);
    const two = one.append(['b']);
    expect(one.length).toBe(1);
    expect(two.at(1)).toBe('b');
    expect(PageWindow.empty<string>().firstPage).toBe(0);
  });

  it('reads a row of a 1,000-page window by binary search', () => {
    let w = PageWindow.of(
      Array.from({ length: 100 }, (_, i) => i),
      1,
    );
    for (let p = 1; p < 1000; p++) w = w.append(Array.from({ length: 100 }, (_, i) => p * 100 + i));
    expect(w.at(99_999)).toBe(99_999);
    expect(w.at(54_321)).toBe(54_321);
  });
});
