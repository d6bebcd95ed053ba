import { describe, expect, it, vi } from 'vitest';
import { AtlasApiError } from '../errors/atlas-api-error.js';
import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import { paginate } from './paginate.js';
import { deferred, fakeList, flush, makeItems, type Item } from './test-helpers/fake-list.js';
import type { ResponseInfo } from '../client/options.js';
import type { PageRequest } from './types.js';

/** Lets the walk run: every pending promise callback and timer of this turn. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A 429 as the client reports it through a call's `onResponse` (before retrying it). */
const RATE_LIMITED: ResponseInfo = {
  method: 'GET',
  url: 'https://x/y',
  status: 429,
  headers: new Headers(),
  durationMs: 1,
  attempt: 1,
};

/**
 * Walks `total` items, 10 per page at concurrency 8, holding every page after the first until the
 * test's loop releases the pages in flight; `rateLimited(pageNum, firstTime)` pages report a 429
 * first. Returns the items and the number of pages in flight at each release.
 */
async function walkHoldingPages(total: number, rateLimited: (pageNum: number, firstTime: boolean) => boolean) {
  const all = makeItems(total);
  const pending: Array<() => void> = [];
  const seen = new Set<number>();
  const list = async (params: PageRequest) => {
    const pageNum = params.pageNum ?? 1;
    if (pageNum > 1) await new Promise<void>((resolve) => pending.push(resolve));
    if (rateLimited(pageNum, !seen.has(pageNum))) params.onResponse?.(RATE_LIMITED);
    seen.add(pageNum);
    const size = params.itemsPerPage ?? 10;
    return { results: all.slice((pageNum - 1) * size, pageNum * size), totalCount: all.length };
  };
  let done = false;
  const walk = paginate(list, {}, { itemsPerPage: 10, concurrency: 8 })
    .toArray({ limit: 1000 })
    .finally(() => {
      done = true;
    });
  const inFlight: number[] = [];
  while (!done) {
    await tick();
    inFlight.push(pending.length);
    pending.splice(0).forEach((release) => release());
  }
  return { items: await walk, inFlight };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('paginate', () => {
  it('yields every item in page order and reports the walk', async () => {
    const fake = fakeList({ items: () => makeItems(25) });
    const it = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10 });
    expect((await collect(it)).map((item) => item.n)).toEqual(makeItems(25).map((item) => item.n));
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3]);
    expect(fake.calls.every((call) => call.itemsPerPage === 10 && call.includeCount === true)).toBe(true);
    expect(it.report).toEqual({
      pagesFetched: 3,
      itemsYielded: 25,
      duplicatesDropped: 0,
      totalCountChanged: false,
      totalCountLow: false,
      initialTotal: 25,
      finalTotal: 25,
    });
  });

  it('makes one request for a list that is not paged (more items than asked for, as listGroupClusterBackupSnapshotShardedClusters)', async () => {
    const all = makeItems(12);
    const calls: PageRequest[] = [];
    const list = async (params: PageRequest) => {
      calls.push(params);
      return { results: all, totalCount: all.length }; // ignores pageNum and itemsPerPage
    };
    for (const itemsPerPage of [1, 5]) {
      calls.length = 0;
      const it = paginate(list, {}, { itemsPerPage, concurrency: 4 });
      expect((await collect(it)).map((item) => item.n)).toEqual(all.map((item) => item.n));
      expect(calls).toHaveLength(1);
      expect(it.report.duplicatesDropped).toBe(0);
    }
  });

  it('passes the caller params and defaults itemsPerPage to 500', async () => {
    const seen: unknown[] = [];
    const fake = fakeList({ items: () => makeItems(3) });
    const it = paginate(
      async (params: { scope: string; pageNum?: number; itemsPerPage?: number }) => {
        seen.push(params);
        return fake.list(params);
      },
      { scope: 'abc' },
    );
    await collect(it);
    expect(seen).toEqual([expect.objectContaining({ scope: 'abc', pageNum: 1, itemsPerPage: 500, includeCount: true })]);
  });

  it('fetches at most `concurrency` pages at a time after page 1, yielding in order', async () => {
    const gates = new Map<number, ReturnType<typeof deferred>>();
    const fake = fakeList({
      items: () => makeItems(100),
      delay: (call) => {
        const gate = deferred();
        gates.set(call.pageNum, gate);
        return gate.promise;
      },
    });
    const iterator = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10, concurrency: 3 })[Symbol.asyncIterator]();
    const first = iterator.next();
    await flush();
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1]);
    gates.get(1)?.resolve();
    expect((await first).value).toMatchObject({ n: 0 });
    await flush();
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < 10; i += 1) await iterator.next();
    const eleventh = iterator.next();
    gates.get(4)?.resolve();
    gates.get(3)?.resolve();
    await flush();
    expect(fake.calls).toHaveLength(4);
    gates.get(2)?.resolve();
    expect((await eleventh).value).toMatchObject({ n: 10 });
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3, 4, 5]);
    await iterator.return?.();
  });

  it('follows next links one page at a time when includeCount is false', async () => {
    const fake = fakeList({ items: () => makeItems(25) });
    const it = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10, includeCount: false, concurrency: 8 });
    expect(await collect(it)).toHaveLength(25);
    expect(fake.calls.map((call) => [call.pageNum, call.includeCount])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(it.report.initialTotal).toBeUndefined();
  });

  it('takes the page number from the next link', async () => {
    const calls: number[] = [];
    const list = async (params: { pageNum?: number }) => {
      calls.push(params.pageNum ?? 1);
      if (params.pageNum === 1) return { results: [{ id: 'a' }], links: [{ rel: 'next', href: '/x?pageNum=5&itemsPerPage=1' }] };
      return { results: [{ id: 'b' }], links: [{ rel: 'self', href: '/x?pageNum=5' }] };
    };
    expect(await collect(paginate(list, {}, { includeCount: false, itemsPerPage: 1 }))).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(calls).toEqual([1, 5]);
  });

  it('without links or totalCount, fetches until a short page', async () => {
    const fake = fakeList({ items: () => makeItems(20), links: false });
    const it = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10, includeCount: false });
    expect(await collect(it)).toHaveLength(20);
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3]);
  });

  it('drops items already yielded (by id) and reports them', async () => {
    let served = makeItems(30);
    const fake = fakeList({
      items: () => served,
      delay: async (call) => {
        // two new items land at the front after page 1: page 2 repeats the last two of page 1
        if (call.pageNum === 2) served = [...makeItems(2, 1000), ...makeItems(30)];
      },
    });
    const it = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10 });
    const ids = (await collect(it)).map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(it.report.duplicatesDropped).toBe(2);
    expect(it.report.totalCountChanged).toBe(true);
    expect(it.report.initialTotal).toBe(30);
    expect(it.report.finalTotal).toBe(32);
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3, 4]);
  });

  it('stops early when totalCount shrinks mid-walk and reports the drift', async () => {
    let served = makeItems(50);
    const fake = fakeList({
      items: () => served,
      delay: async (call) => {
        if (call.pageNum === 2) served = makeItems(20);
      },
    });
    const it = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10 });
    expect(await collect(it)).toHaveLength(20);
    expect(it.report).toMatchObject({ totalCountChanged: true, initialTotal: 50, finalTotal: 20, pagesFetched: 2 });
  });

  it('keeps items without an id', async () => {
    const list = async () => ({ results: [{ name: 'a' }, { name: 'a' }], totalCount: 2 });
    expect(await collect(paginate(list, {}))).toHaveLength(2);
  });

  it('reports progress after each page', async () => {
    const progress: unknown[] = [];
    const fake = fakeList({ items: () => makeItems(25) });
    await collect(paginate(fake.list, { scope: 's' }, { itemsPerPage: 10, onProgress: (p) => progress.push(p) }));
    expect(progress).toEqual([
      { loaded: 10, total: 25 },
      { loaded: 20, total: 25 },
      { loaded: 25, total: 25 },
    ]);
  });

  it('.pages() yields numbered, de-duplicated pages', async () => {
    const fake = fakeList({ items: () => makeItems(15) });
    const it = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10 });
    const pages = await collect(it.pages());
    expect(pages.map((page) => [page.pageNum, page.results.length, page.totalCount])).toEqual([
      [1, 10, 15],
      [2, 5, 15],
    ]);
    expect(pages[1]?.links?.some((link) => link.rel === 'previous')).toBe(true);
    expect(it.report.itemsYielded).toBe(15);
  });

  it('breaking out of the loop aborts every in-flight request', async () => {
    const fake = fakeList({
      items: () => makeItems(100),
      delay: (call) =>
        call.pageNum === 1
          ? Promise.resolve()
          : new Promise((_, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason))),
    });
    const iterator = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10, concurrency: 4 })[Symbol.asyncIterator]();
    await iterator.next();
    await flush();
    expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3, 4, 5]);
    expect(fake.calls.some((call) => call.signal?.aborted)).toBe(false);
    await iterator.return?.();
    expect(fake.calls.every((call) => call.signal?.aborted)).toBe(true);
  });

  it('the caller signal aborts the walk', async () => {
    const controller = new AbortController();
    const fake = fakeList({
      items: () => makeItems(100),
      delay: (call) => new Promise((_, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason))),
    });
    const pending = collect(paginate(fake.list, { scope: 's' }, { signal: controller.signal }));
    await flush();
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });

  it('an already-aborted signal makes no request', async () => {
    const fake = fakeList({ items: () => makeItems(5) });
    await expect(collect(paginate(fake.list, { scope: 's' }, { signal: AbortSignal.abort(new Error('gone')) }))).rejects.toThrow(
      'gone',
    );
    expect(fake.calls).toHaveLength(0);
  });

  it('a failing page fails the walk and aborts the others', async () => {
    const fake = fakeList({
      items: () => makeItems(100),
      delay: (call) =>
        call.pageNum === 3
          ? new Promise((_, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason)))
          : Promise.resolve(),
      fail: (call) => {
        if (call.pageNum === 2) throw new Error('boom');
      },
    });
    await expect(collect(paginate(fake.list, { scope: 's' }, { itemsPerPage: 10, concurrency: 2 }))).rejects.toThrow('boom');
    expect(fake.calls.find((call) => call.pageNum === 3)?.signal?.aborted).toBe(true);
  });

  it('never re-fetches a page: a 429 that reaches the walk (the client gave up) fails it at once', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeList({
        items: () => makeItems(80),
        fail: (call) => {
          if (call.pageNum === 3) throw new AtlasApiError({ status: 429, method: 'GET', url: 'https://x/y', retryAfterMs: 0 });
        },
      });
      const outcome = collect(paginate(fake.list, { scope: 's' }, { itemsPerPage: 10, concurrency: 4 })).then(
        () => 'resolved',
        (error: unknown) => error,
      );
      await vi.advanceTimersByTimeAsync(0);
      expect(await outcome).toMatchObject({ status: 429 });
      expect(fake.calls.filter((call) => call.pageNum === 3)).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a 429 the client retried halves the concurrency: fewer pages are in flight at once', async () => {
    // page 2's first response is a 429 the client then retries successfully
    const { items, inFlight } = await walkHoldingPages(300, (pageNum, first) => pageNum === 2 && first);
    expect(items).toHaveLength(300);
    expect(Math.max(...inFlight.slice(2))).toBe(4); // halved from 8; without the slow-down this is 8
  });

  it('halves once per window: 429s on requests started before the last slow-down do not halve again', async () => {
    // the whole first window (pages 2..9, started at concurrency 8) is rate limited at once
    const { items, inFlight } = await walkHoldingPages(400, (pageNum) => pageNum >= 2 && pageNum <= 9);
    expect(items).toHaveLength(400);
    expect(Math.max(...inFlight.slice(2))).toBe(4); // eight 429s in one window: halved once, not down to 1
  });

  it('a 429 at concurrency 1 fails (the client already retried)', async () => {
    const fake = fakeList({
      items: () => makeItems(30),
      fail: (call) => {
        if (call.pageNum === 2) throw new AtlasApiError({ status: 429, method: 'GET', url: 'https://x/y', retryAfterMs: 0 });
      },
    });
    await expect(collect(paginate(fake.list, { scope: 's' }, { itemsPerPage: 10 }))).rejects.toMatchObject({ status: 429 });
  });

  it('next() is safe under concurrent calls', async () => {
    const fake = fakeList({ items: () => makeItems(7), delay: () => flush(3) });
    const iterator = paginate(fake.list, { scope: 's' }, { itemsPerPage: 2, concurrency: 3 })[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 9 }, () => iterator.next()));
    expect(results.map((r) => (r.done ? 'done' : r.value.n))).toEqual([0, 1, 2, 3, 4, 5, 6, 'done', 'done']);
  });

  describe('totalCount is an estimate', () => {
    it('a full last page with a next link: follows next until there is none, and reports the count was low', async () => {
      const fake = fakeList({ items: () => makeItems(47), reportedTotal: () => 20 });
      const it = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10, concurrency: 4 });
      expect((await collect(it)).map((item) => item.n)).toEqual(makeItems(47).map((item) => item.n));
      expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3, 4, 5]);
      expect(it.report).toMatchObject({ totalCountLow: true, initialTotal: 20, finalTotal: 20, itemsYielded: 47 });
    });

    it('fetches the pages the count implies in parallel, then finishes by links one at a time', async () => {
      const gates = new Map<number, ReturnType<typeof deferred>>();
      const fake = fakeList({
        items: () => makeItems(60),
        reportedTotal: () => 30,
        delay: (call) => {
          const gate = deferred();
          gates.set(call.pageNum, gate);
          return gate.promise;
        },
      });
      const walk = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10, concurrency: 4 }).toArray({ limit: 100 });
      await tick();
      gates.get(1)?.resolve();
      await tick();
      expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3]); // the count says 3 pages: 2 and 3 at once
      gates.get(3)?.resolve();
      gates.get(2)?.resolve();
      await tick();
      expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3, 4]); // then by links, one at a time
      gates.get(4)?.resolve();
      await tick();
      expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3, 4, 5]);
      gates.get(5)?.resolve();
      await tick();
      gates.get(6)?.resolve();
      expect(await walk).toHaveLength(60);
      expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('a short last page or one without a next link ends the walk: no request beyond the count', async () => {
      const high = fakeList({ items: () => makeItems(25), reportedTotal: () => 30 });
      expect(await collect(paginate(high.list, { scope: 's' }, { itemsPerPage: 10 }))).toHaveLength(25);
      expect(high.calls.map((call) => call.pageNum)).toEqual([1, 2, 3]);
      const exact = fakeList({ items: () => makeItems(30), links: false });
      const it = paginate(exact.list, { scope: 's' }, { itemsPerPage: 10, concurrency: 2 });
      expect(await collect(it)).toHaveLength(30);
      expect(exact.calls.map((call) => call.pageNum)).toEqual([1, 2, 3]);
      expect(it.report.totalCountLow).toBe(false);
    });

    it('a count of 0 with a full first page that links onward is still walked to the end', async () => {
      const fake = fakeList({ items: () => makeItems(15), reportedTotal: () => 0 });
      const it = paginate(fake.list, { scope: 's' }, { itemsPerPage: 10, concurrency: 8 });
      expect(await collect(it)).toHaveLength(15);
      expect(it.report.totalCountLow).toBe(true);
    });
  });

  describe('toArray', () => {
    it('collects at most `limit` items and stops fetching (one page is prefetched, then aborted)', async () => {
      const fake = fakeList({ items: () => makeItems(100) });
      const items = await paginate(fake.list, { scope: 's' }, { itemsPerPage: 10 }).toArray({ limit: 15 });
      expect(items.map((item) => item.n)).toEqual(makeItems(15).map((item) => item.n));
      expect(fake.calls.map((call) => call.pageNum)).toEqual([1, 2, 3]);
      expect(fake.calls[2]?.signal?.aborted).toBe(true);
    });

    it('requires a positive integer limit', async () => {
      const it = paginate(fakeList({ items: () => makeItems(1) }).list, { scope: 's' });
      // @ts-expect-error: limit is required
      await expect(it.toArray()).rejects.toBeInstanceOf(InvalidParameterError);
      // @ts-expect-error: limit is required
      await expect(it.toArray({})).rejects.toMatchObject({ parameter: 'limit' });
      await expect(it.toArray({ limit: 0 })).rejects.toBeInstanceOf(InvalidParameterError);
      await expect(it.toArray({ limit: 1.5 })).rejects.toBeInstanceOf(InvalidParameterError);
    });
  });

  it('rejects bad options before any request', () => {
    const fake = fakeList({ items: () => makeItems(1) });
    expect(() => paginate(fake.list, { scope: 's' }, { itemsPerPage: 0 })).toThrow(InvalidParameterError);
    expect(() => paginate(fake.list, { scope: 's' }, { itemsPerPage: 501 })).toThrow(InvalidParameterError);
    expect(() => paginate(fake.list, { scope: 's' }, { concurrency: 0 })).toThrow(InvalidParameterError);
    expect(() => paginate(fake.list, { scope: 's' }, { concurrency: 33 })).toThrow(InvalidParameterError);
    expect(() => paginate(fake.list, null as unknown as { scope: string })).toThrow(InvalidParameterError);
    expect(fake.calls).toHaveLength(0);
  });

  it('typed items flow from the list function', async () => {
    const fake = fakeList({ items: () => makeItems(1) });
    const [first] = await paginate(fake.list, { scope: 's' }).toArray({ limit: 1 });
    const item: Item | undefined = first;
    expect(item?.id).toBe('id-0');
  });
});
