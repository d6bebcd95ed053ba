import { AtlasApiError, AtlasRequestError } from '@atlas-checkpoints/core';
import { describe, expect, it } from 'vitest';
import { createCoordinator, isStaleable } from './coordinator.js';
import { createEntry } from './entry.js';
import { createMemoryStore } from './memory-store.js';

const policy = { ttlMs: 10_000, staleWhileRevalidateMs: 20_000, staleIfErrorMs: 100_000, negativeTtlMs: 1_000 };

function setup() {
  let now = 0;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const store = createMemoryStore({ maxBytes: 1e6, now: clock.now });
  const cache = createCoordinator({ store, policy, now: clock.now });
  let calls = 0;
  let fail: Error | undefined;
  const fetcher = async () => {
    calls += 1;
    if (fail) throw fail;
    return createEntry('doc', { calls }, clock.now());
  };
  return { clock, cache, fetcher, calls: () => calls, failWith: (e: Error) => (fail = e) };
}

describe('coordinator', () => {
  it('collapses concurrent misses into one fetch', async () => {
    const t = setup();
    const results = await Promise.all(Array.from({ length: 50 }, () => t.cache.lookup('k', t.fetcher)));
    expect(t.calls()).toBe(1);
    expect(results.filter((r) => r.outcome.collapsed)).toHaveLength(49);
  });

  it('refreshes once in the background while serving stale', async () => {
    const t = setup();
    await t.cache.lookup('k', t.fetcher);
    t.clock.advance(15_000);
    const stale = await t.cache.lookup('k', t.fetcher);
    expect(stale.outcome.detail).toBe('stale-while-revalidate');
    expect(stale.entry.body).toBe('{"calls":1}');
    await expect.poll(async () => (await t.cache.lookup('k', t.fetcher)).entry.body).toBe('{"calls":2}');
    expect(t.calls()).toBe(2);
  });

  it('serves stale when upstream fails within stale-if-error, not for a 404 or past it', async () => {
    const t = setup();
    await t.cache.lookup('k', t.fetcher);
    t.clock.advance(50_000);
    t.failWith(new AtlasRequestError({ kind: 'network', method: 'GET', url: 'http://x' }));
    const stale = await t.cache.lookup('k', t.fetcher);
    expect(stale.outcome).toMatchObject({ fwd: 'stale', detail: 'stale-if-error' });
    t.failWith(new AtlasApiError({ status: 404, method: 'GET', url: 'http://x' }));
    await expect(t.cache.lookup('k', t.fetcher)).rejects.toThrow(/404/);
    t.failWith(new AtlasRequestError({ kind: 'timeout', method: 'GET', url: 'http://x' }));
    t.clock.advance(100_000);
    await expect(t.cache.lookup('k', t.fetcher)).rejects.toThrow();
  });

  it('classifies staleable failures', () => {
    expect(isStaleable(new AtlasApiError({ status: 429, method: 'GET', url: 'u' }))).toBe(true);
    expect(isStaleable(new AtlasApiError({ status: 503, method: 'GET', url: 'u' }))).toBe(true);
    expect(isStaleable(new AtlasApiError({ status: 401, method: 'GET', url: 'u' }))).toBe(false);
    expect(isStaleable(new AtlasRequestError({ kind: 'aborted', method: 'GET', url: 'u' }))).toBe(false);
  });
});
