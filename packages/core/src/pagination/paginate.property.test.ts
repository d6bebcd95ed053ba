import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate } from './paginate.js';
import { fakeList, flush, makeItems } from './test-helpers/fake-list.js';

describe('paginate (property)', () => {
  it('for any totalCount, itemsPerPage and concurrency: every item once, in order, within the concurrency', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 8 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 6 })),
        async (total, itemsPerPage, concurrency, ticks) => {
          const fake = fakeList({ items: () => makeItems(total), delay: () => flush(ticks.next().value as number) });
          const it = paginate(fake.list, { scope: 's' }, { itemsPerPage, concurrency });
          const seen: number[] = [];
          for await (const item of it) seen.push(item.n);
          expect(seen).toEqual(makeItems(total).map((item) => item.n));
          expect(fake.maxInFlight).toBeLessThanOrEqual(concurrency);
          expect(fake.calls).toHaveLength(Math.max(1, Math.ceil(total / itemsPerPage)));
          expect(it.report).toMatchObject({
            itemsYielded: total,
            duplicatesDropped: 0,
            totalCountChanged: false,
            totalCountLow: false,
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for any totalCount lower than the real count: every item once, in order, the rest found by links, and reported', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 8 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 6 })),
        async (actual, share, itemsPerPage, concurrency, ticks) => {
          const estimate = Math.floor(actual * share);
          const fake = fakeList({
            items: () => makeItems(actual),
            reportedTotal: () => estimate,
            delay: () => flush(ticks.next().value as number),
          });
          const it = paginate(fake.list, { scope: 's' }, { itemsPerPage, concurrency });
          const seen: number[] = [];
          for await (const item of it) seen.push(item.n);
          expect(seen).toEqual(makeItems(actual).map((item) => item.n));
          const pages = Math.max(1, Math.ceil(actual / itemsPerPage));
          expect(fake.calls).toHaveLength(pages);
          expect(it.report.totalCountLow).toBe(pages > Math.max(1, Math.ceil(estimate / itemsPerPage)));
          expect(fake.maxInFlight).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for any overlap between pages, duplicates are dropped and counted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 8 }),
        async (total, itemsPerPage, concurrency) => {
          // every page repeats the previous page's last item first (a list shifting by one per page)
          const items = makeItems(total);
          const list = async (params: { pageNum?: number; itemsPerPage?: number }) => {
            const pageNum = params.pageNum ?? 1;
            const size = params.itemsPerPage ?? 100;
            const start = (pageNum - 1) * size;
            const repeat = pageNum > 1 && start <= total ? items.slice(start - 1, start) : [];
            return { results: [...repeat, ...items.slice(start, start + size)], totalCount: total };
          };
          const it = paginate(list, {}, { itemsPerPage, concurrency });
          const seen: number[] = [];
          for await (const item of it) seen.push(item.n);
          expect(seen).toEqual(items.map((item) => item.n));
          expect(it.report.duplicatesDropped).toBe(Math.max(0, Math.ceil(total / itemsPerPage) - 1));
        },
      ),
      { numRuns: 100 },
    );
  });
});
