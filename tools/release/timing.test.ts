import { describe, expect, it } from 'vitest';
import { formatTimings, median, time } from './timing.js';

describe('median', () => {
  it('takes the middle of an odd list and the mean of the middle two of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('time', () => {
  it('runs the command the given number of times', () => {
    const timing = time('node -e 0', process.execPath, ['-e', '0'], 3);
    expect(timing.runs).toBe(3);
    expect(timing.minMs).toBeLessThanOrEqual(timing.medianMs);
  });
  it('throws with the stderr of a failing run', () => {
    expect(() => time('fails', process.execPath, ['-e', 'console.error("nope"); process.exit(2)'], 1)).toThrow(/exit 2: nope/);
  });
});

describe('formatTimings', () => {
  it('prints one row per command with the ratio to the first (baseline) row', () => {
    const text = formatTimings([
      { label: 'node -e 0', firstMs: 40, medianMs: 40, minMs: 39, runs: 5 },
      { label: 'bin --help', firstMs: 200, medianMs: 120, minMs: 110, runs: 5 },
    ]);
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toMatch(/bin --help\s+200\s+120\s+110\s+3\.0$/m);
  });
});
