import type { Page } from '../../schemas/paginated.js';
import type { PageRequest } from '../types.js';

export interface Item {
  id: string;
  n: number;
}

interface ListCall {
  pageNum: number;
  itemsPerPage: number;
  includeCount: boolean | undefined;
  signal: AbortSignal | undefined;
}

export interface FakeListOptions {
  /** Items served; may be replaced between calls to simulate drift. */
  items: () => Item[];
  /** Awaited before answering (a deferred, a tick count…). */
  delay?: (call: ListCall) => Promise<void>;
  /** Serve `links` (self/next/previous) like Atlas (default true). */
  links?: boolean;
  /** Hook that can throw instead of answering. */
  fail?: (call: ListCall) => void;
  /** The `totalCount` served for the actual count (default: exact); Atlas's is an estimate. */
  reportedTotal?: (actual: number) => number;
}

export function makeItems(count: number, offset = 0): Item[] {
  return Array.from({ length: count }, (_, i) => ({ id: `id-${i + offset}`, n: i + offset }));
}

/** A list function over an in-memory array that records calls and tracks requests in flight. */
export function fakeList(options: FakeListOptions) {
  const calls: ListCall[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const list = async (params: { scope: string } & PageRequest): Promise<Page<Item>> => {
    const call: ListCall = {
      pageNum: params.pageNum ?? 1,
      itemsPerPage: params.itemsPerPage ?? 100,
      includeCount: params.includeCount,
      signal: params.signal,
    };
    calls.push(call);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await options.delay?.(call);
      params.signal?.throwIfAborted();
      options.fail?.(call);
      const all = options.items();
      const start = (call.pageNum - 1) * call.itemsPerPage;
      const results = all.slice(start, start + call.itemsPerPage);
      const page: Page<Item> = { results };
      if (call.includeCount !== false) page.totalCount = options.reportedTotal?.(all.length) ?? all.length;
      if (options.links !== false) {
        const href = (n: number) => `https://cloud.mongodb.com/api/atlas/v2/x?pageNum=${n}&itemsPerPage=${call.itemsPerPage}`;
        page.links = [{ rel: 'self', href: href(call.pageNum) }];
        if (start + call.itemsPerPage < all.length) page.links.push({ rel: 'next', href: href(call.pageNum + 1) });
        if (call.pageNum > 1) page.links.push({ rel: 'previous', href: href(call.pageNum - 1) });
      }
      return page;
    } finally {
      inFlight -= 1;
    }
  };
  return {
    list,
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** A promise with its resolve exposed. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Lets pending promise callbacks run. */
export async function flush(ticks = 20): Promise<void> {
  for (let i = 0; i < ticks; i += 1) await Promise.resolve();
}
