import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import { pagesFromEnd, readLastPage } from './from-end.js';
import { fakeList, makeItems, type Item } from './test-helpers/fake-list.js';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const SCOPE = { scope: 'c' };

describe('readLastPage', () => {
  it('learns totalCount from page 1 and fetches the last page directly: two requests for 100,000 items', async () => {
    const items = makeItems(100_000);
    const fake = fakeList({ items: () => items });
    const last = await readLastPage(fake.list, SCOPE, { itemsPerPage: 500 });
    expect(last.pageNum).toBe(200);
    expect(last.results.at(-1)).toEqual({ id: 'id-99999', n: 99_999 });
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 200]);
  });

  it('with a known totalCount it makes one request, for the last page', async () => {
    const fake = fakeList({ items: () => makeItems(1_234) });
    const last = await readLastPage(fake.list, SCOPE, { itemsPerPage: 100, totalCount: 1_234 });
    expect(last.pageNum).toBe(13);
    expect(last.results.map((item) => item.n)).toEqual(Array.from({ length: 34 }, (_, i) => 1_200 + i));
    expect(fake.calls).toEqual([expect.objectContaining({ pageNum: 13, itemsPerPage: 100, includeCount: false })]);
  });

  it('a list that fits one page costs one request', async () => {
    const fake = fakeList({ items: () => makeItems(7) });
    const last = await readLastPage(fake.list, SCOPE, { itemsPerPage: 10 });
    expect(last).toMatchObject({ pageNum: 1, totalCount: 7 });
    expect(fake.calls).toHaveLength(1);
  });

  it('an empty list: page 1, empty', async () => {
    const fake = fakeList({ items: () => [] });
    expect(await readLastPage(fake.list, SCOPE, { itemsPerPage: 10 })).toMatchObject({ pageNum: 1, results: [] });
  });

  it('a low count (an estimate): the full page it implies links next, so it goes on by links', async () => {
    const fake = fakeList({ items: () => makeItems(45), reportedTotal: () => 20 });
    const last = await readLastPage(fake.list, SCOPE, { itemsPerPage: 10 });
    expect(last.pageNum).toBe(5);
    expect(last.results.map((item) => item.n)).toEqual([40, 41, 42, 43, 44]);
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a high count: the page it implies is empty, so it steps back', async () => {
    const fake = fakeList({ items: () => makeItems(25), reportedTotal: () => 48 });
    const last = await readLastPage(fake.list, SCOPE, { itemsPerPage: 10 });
    expect(last.pageNum).toBe(3);
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 5, 4, 3]);
  });

  it('without a count it follows next links to the last page', async () => {
    const fake = fakeList({ items: () => makeItems(25) });
    const list = async (params: Parameters<typeof fake.list>[0]) => {
      const { totalCount: _omitted, ...page } = await fake.list(params);
      return page;
    };
    const last = await readLastPage(list, SCOPE, { itemsPerPage: 10 });
    expect(last).toMatchObject({ pageNum: 3 });
    expect(last.results).toHaveLength(5);
  });

  it('rejects a bad page size or count before any request', async () => {
    const fake = fakeList({ items: () => makeItems(3) });
    await expect(readLastPage(fake.list, SCOPE, { itemsPerPage: 501 })).rejects.toBeInstanceOf(InvalidParameterError);
    await expect(readLastPage(fake.list, SCOPE, { totalCount: -1 })).rejects.toBeInstanceOf(InvalidParameterError);
    expect(fake.calls).toHaveLength(0);
  });

  it('an aborted signal fails the read without a request', async () => {
    const fake = fakeList({ items: () => makeItems(3) });
    await expect(readLastPage(fake.list, SCOPE, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('pagesFromEnd', () => {
  it('yields the last page first, then each earlier page down to page 1', async () => {
    const fake = fakeList({ items: () => makeItems(25) });
    const pages = await collect(pagesFromEnd(fake.list, SCOPE, { itemsPerPage: 10 }));
    expect(pages.map((page) => page.pageNum)).toEqual([3, 2, 1]);
    expect(pages.flatMap((page) => page.results).map((item) => item.n)).toEqual([
      ...[20, 21, 22, 23, 24],
      ...Array.from({ length: 10 }, (_, i) => 10 + i),
      ...Array.from({ length: 10 }, (_, i) => i),
    ]);
  });

  it('stopping early fetches nothing more: the newest 10 of 100,000 cost two requests', async () => {
    const items = makeItems(100_000);
    const fake = fakeList({ items: () => items });
    for await (const page of pagesFromEnd(fake.list, SCOPE, { itemsPerPage: 10 })) {
      expect(page.results.at(-1)?.n).toBe(99_999);
      break;
    }
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 10_000]);
  });

  it('drops items already yielded when the list shifts under the walk (old items expire)', async () => {
    let items: Item[] = makeItems(30);
    const fake = fakeList({ items: () => items });
    const seen: number[] = [];
    for await (const page of pagesFromEnd(fake.list, SCOPE, { itemsPerPage: 10, totalCount: 30 })) {
      seen.push(...page.results.map((item) => item.n));
      items = items.slice(3); // the three oldest expire after each page
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => 20 + i));
  });
});
