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
});
