import { describe, expect, it } from 'vitest';
import { createEntry } from './entry.js';
import { createMemoryStore } from './memory-store.js';

describe('memory store', () => {
  it('stays within its byte bound, evicting the least recently used', async () => {
    const store = createMemoryStore({ maxBytes: 10_000 });
    for (let i = 0; i < 50; i += 1) await store.set(`k${i}`, createEntry('doc', 'x'.repeat(1000), 0), 60_000);
    expect(store.bytes()).toBeLessThanOrEqual(10_000);
    expect(await store.get('k49')).toBeDefined();
    expect(await store.get('k0')).toBeUndefined();
  });

  it('expires entries on its clock and refuses entries larger than the bound', async () => {
    let now = 0;
    const store = createMemoryStore({ maxBytes: 5_000, now: () => now });
    await store.set('a', createEntry('doc', 1, 0), 1_000);
    now = 999;
    expect(await store.get('a')).toBeDefined();
    now = 1_000;
    expect(await store.get('a')).toBeUndefined();
    await store.set('big', createEntry('doc', 'x'.repeat(10_000), 0), 1_000);
    expect(await store.get('big')).toBeUndefined();
  });

  it('deletes one partition through its index, leaving the others, and forgets keys the LRU evicted', async () => {
    const store = createMemoryStore({ maxBytes: 200_000 });
    const key = (partition: string, i: number) => `g/-/-/${partition}/listGroups/2023-01-01/-/page?pageNum=${i}`;
    for (let i = 0; i < 20; i += 1) {
      await store.set(key('tA', i), createEntry('doc', i, 0), 60_000);
      await store.set(key('tB', i), createEntry('doc', i, 0), 60_000);
    }
    await store.set(key('tA', 0), createEntry('doc', 'again', 0), 60_000);
    expect(await store.deletePartition('tNone')).toBe(0);
    expect(await store.deletePartition('tA')).toBe(20);
    expect(await store.get(key('tA', 3))).toBeUndefined();
    expect(await store.get(key('tB', 3))).toBeDefined();
    expect(await store.deletePartition('tA')).toBe(0);

    const small = createMemoryStore({ maxBytes: 2_000 });
    for (let i = 0; i < 50; i += 1) await small.set(key('tC', i), createEntry('doc', 'x'.repeat(100), 0), 60_000);
    const kept = (await Promise.all(Array.from({ length: 50 }, (_, i) => small.get(key('tC', i))))).filter(Boolean).length;
    expect(kept).toBeLessThan(50);
    // Only the keys still held are counted: the LRU's evictions left the index.
    expect(await small.deletePartition('tC')).toBe(kept);
  });
});
