import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRetryAfter, parseRetryAfter } from './retry-after.js';
import { backoffDelay, RETRYABLE_STATUSES } from './retry-policy.js';

const NOW = Date.parse('2024-05-04T09:42:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter(' 7 ', NOW)).toBe(7000);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 04 May 2024 09:42:10 GMT', NOW)).toBe(10_000);
    expect(parseRetryAfter('Sat, 04 May 2024 09:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores absent or garbage values', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('formatRetryAfter', () => {
  it('rounds up to whole seconds, never negative, and parses back to at least the wait', () => {
    expect([formatRetryAfter(0), formatRetryAfter(1), formatRetryAfter(1_000), formatRetryAfter(1_001)]).toEqual([
      '0',
      '1',
      '1',
      '2',
    ]);
    expect(formatRetryAfter(-5)).toBe('0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (ms) => {
        expect(parseRetryAfter(formatRetryAfter(ms), NOW)).toBeGreaterThanOrEqual(ms);
      }),
    );
  });
});

describe('backoffDelay', () => {
  it('is full jitter under an exponential ceiling capped at max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (retry, r) => {
        const wait = backoffDelay(retry, 500, 30_000, () => r);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThan(Math.min(30_000, 500 * 2 ** retry) + 1);
      }),
    );
    expect(backoffDelay(3, 500, 30_000, () => 0.5)).toBe(2000);
    expect(backoffDelay(20, 500, 30_000, () => 0.5)).toBe(15_000);
  });
});

it('retries exactly 429, 500, 502, 503 and 504', () => {
  expect([...RETRYABLE_STATUSES].sort()).toEqual([429, 500, 502, 503, 504]);
});
