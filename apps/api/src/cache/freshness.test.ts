import { describe, expect, it } from 'vitest';
import { createEntry } from './entry.js';
import { ageSeconds, freshness, retentionMs, ttlSeconds, type CachePolicy } from './freshness.js';

const policy: CachePolicy = { ttlMs: 60_000, staleWhileRevalidateMs: 300_000, staleIfErrorMs: 86_400_000, negativeTtlMs: 5_000 };
const entry = createEntry('doc', { a: 1 }, 1_000_000);

describe('freshness', () => {
  it('walks fresh → stale-while-revalidate → stale-if-error → expired', () => {
    expect(freshness(entry, 1_000_000 + 59_999, policy)).toBe('fresh');
    expect(freshness(entry, 1_000_000 + 60_000, policy)).toBe('stale-while-revalidate');
    expect(freshness(entry, 1_000_000 + 360_000, policy)).toBe('stale-if-error');
    expect(freshness(entry, 1_000_000 + 60_000 + 86_400_000, policy)).toBe('expired');
  });

  it('keeps negative entries for the negative TTL only, never stale', () => {
    const notFound = createEntry('error', { error: 404 }, 0, 404);
    expect(freshness(notFound, 4_999, policy)).toBe('fresh');
    expect(freshness(notFound, 5_000, policy)).toBe('expired');
    expect(retentionMs(policy, 'error')).toBe(5_000);
  });

  it('retains entries for the longest stale use and reports Age and ttl in seconds', () => {
    expect(retentionMs(policy)).toBe(60_000 + 86_400_000);
    expect(ageSeconds(entry, 1_000_000 + 2_500)).toBe(2);
    expect(ttlSeconds(entry, 1_000_000 + 2_500, policy)).toBe(57);
    expect(ttlSeconds(entry, 1_000_000 + 65_000, policy)).toBe(-5);
  });

  it("uses an entry's own shorter TTL (a running restore job), never a longer one, then the usual stale windows", () => {
    const running = createEntry('doc', { statusName: 'IN_PROGRESS' }, 1_000_000, 200, 10_000);
    expect(freshness(running, 1_000_000 + 9_999, policy)).toBe('fresh');
    expect(freshness(running, 1_000_000 + 10_000, policy)).toBe('stale-while-revalidate');
    expect(ttlSeconds(running, 1_000_000 + 2_500, policy)).toBe(7);
    const longer = createEntry('doc', {}, 1_000_000, 200, 600_000);
    expect(freshness(longer, 1_000_000 + 60_000, policy)).toBe('stale-while-revalidate');
  });
});
