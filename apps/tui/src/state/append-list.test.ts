import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppendList } from './append-list.js';

describe('AppendList', () => {
  it('appends to the newest value in place: no rows copied, and the older value still sees only its rows', () => {
    const one = AppendList.empty<number>().append([1, 2]);
    const two = one.append([3, 4]);
    expect(two.sharesStorageWith(one)).toBe(true);
    expect(one.length).toBe(2);
    expect(one.at(2)).toBeUndefined();
    expect([...one]).toEqual([1, 2]);
    expect(two.toArray()).toEqual([1, 2, 3, 4]);
  });

  it('appending to an older value copies its rows and leaves the newer value as it was', () => {
    const one = AppendList.empty<string>().append(['a']);
    const two = one.append(['b']);
    const branch = one.append(['x', 'y']);
    expect(branch.sharesStorageWith(two)).toBe(false);
    expect(branch.toArray()).toEqual(['a', 'x', 'y']);
    expect(two.toArray()).toEqual(['a', 'b']);
  });

  it('copies a plain array it is built from, and reads nothing outside its length', () => {
    const source = [1, 2, 3];
    const list = AppendList.from(source);
    source.push(4);
    expect(list.toArray()).toEqual([1, 2, 3]);
    expect(AppendList.from(list)).toBe(list);
    expect([list.at(-1), list.at(3), list.at(1.5)]).toEqual([undefined, undefined, undefined]);
    expect(list.append([])).toBe(list);
  });

  it('every value keeps its rows whatever is appended to which value (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.array(fc.integer(), { maxLength: 4 })), { maxLength: 20 }), (steps) => {
        const values: Array<{ list: AppendList<number>; rows: number[] }> = [{ list: AppendList.empty(), rows: [] }];
        for (const [pick, more] of steps) {
          const base = values[pick % values.length]!;
          values.push({ list: base.list.append(more), rows: [...base.rows, ...more] });
        }
        for (const { list, rows } of values) expect(list.toArray()).toEqual(rows);
      }),
    );
  });
});
