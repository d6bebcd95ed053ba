import { describe, expect, it } from 'vitest';
import { durationArg } from './duration.js';

describe('durationArg', () => {
  const parse = durationArg('--refresh', 1000);
  it('reads ms, s, m, h and bare seconds', () => {
    expect(parse('1500ms')).toBe(1500);
    expect(parse('30s')).toBe(30_000);
    expect(parse('5m')).toBe(300_000);
    expect(parse('1h')).toBe(3_600_000);
    expect(parse('2')).toBe(2000);
    expect(parse('0.5m')).toBe(30_000);
  });

  it('names the flag for a bad or too short duration', () => {
    expect(() => parse('10ms')).toThrow(/--refresh must be a duration of at least 1s/);
    expect(() => parse('soon')).toThrow(/got "soon"/);
    expect(() => parse('5d')).toThrow(/--refresh/);
  });
});
