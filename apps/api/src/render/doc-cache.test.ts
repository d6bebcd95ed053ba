import { describe, expect, it } from 'vitest';
import { createEntry } from '../cache/entry.js';
import { splitCacheBytes } from '../cache/memory-budget.js';
import { createVariantAliases } from '../app/variant-aliases.js';
import { createDocCache } from './doc-cache.js';

describe('what the proxy keeps beside its entries is counted', () => {
  it('parses a document once and counts it at three times its JSON, within its bound', () => {
    const docs = createDocCache(10_000);
    const entry = createEntry('snapshot', { results: ['x'.repeat(1000)] }, 0);
    expect(docs.of(entry)).toBe(docs.of(createEntry('snapshot', { results: ['x'.repeat(1000)] }, 5)));
    expect(docs.bytes()).toBeGreaterThanOrEqual(entry.body.length * 3);
    for (let i = 0; i < 20; i += 1) docs.of(createEntry('doc', { i, pad: 'y'.repeat(1000) }, 0));
    expect(docs.bytes()).toBeLessThanOrEqual(10_000);
    const huge = createEntry('doc', { pad: 'z'.repeat(20_000) }, 0);
    expect(docs.of(huge)).toEqual({ pad: 'z'.repeat(20_000) });
    expect(docs.bytes()).toBeLessThanOrEqual(10_000);
  });

  it('bounds the exact-request aliases in bytes, whatever URLs callers invent', () => {
    const aliases = createVariantAliases(50_000);
    for (let i = 0; i < 1_000; i += 1)
      aliases.set(aliases.key('t1', `/api/atlas/v2/groups?x=${'a'.repeat(500)}${i}`, undefined), 'v');
    expect(aliases.bytes()).toBeLessThanOrEqual(50_000);
    expect(aliases.get(aliases.key('t1', `/api/atlas/v2/groups?x=${'a'.repeat(500)}999`, undefined))).toBe('v');
  });

  it('splits --cache-max-bytes so the parts never add up to more', () => {
    for (const total of [1024, 1_000_003, 256 * 1024 * 1024]) {
      const budget = splitCacheBytes(total);
      expect(budget.store + budget.rendered + budget.docs + budget.aliases).toBeLessThanOrEqual(total);
      expect(budget.store).toBeGreaterThanOrEqual(Math.floor(total / 2) - 16);
    }
  });
});
