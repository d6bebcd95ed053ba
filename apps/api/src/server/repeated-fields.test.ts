import { describe, expect, it } from 'vitest';
import { hasRepeatedSingleton } from './repeated-fields.js';

describe('hasRepeatedSingleton (RFC 9112 §3.2, RFC 9110 §11.6.2)', () => {
  it('finds a second Host field line in any case, and nothing else', () => {
    expect(hasRepeatedSingleton(['Host', 'a.example', 'host', 'b.example'])).toBe(true);
    expect(hasRepeatedSingleton(['HOST', 'a.example', 'Accept', '*/*', 'hOsT', 'a.example'])).toBe(true);
    expect(hasRepeatedSingleton(['Host', 'a.example', 'Date', 'x', 'Vary', 'y', 'Accept', '*/*'])).toBe(false);
    expect(hasRepeatedSingleton(['X-Host', 'a', 'Hosts', 'b', 'Host', 'c'])).toBe(false);
    expect(hasRepeatedSingleton([])).toBe(false);
  });

  it('finds a second Authorization field line in any case, and no other thirteen-letter name', () => {
    expect(hasRepeatedSingleton(['Authorization', 'Bearer A', 'authorization', 'Bearer B'])).toBe(true);
    expect(hasRepeatedSingleton(['AUTHORIZATION', 'Bearer A', 'Host', 'h', 'aUtHoRiZaTiOn', 'Bearer A'])).toBe(true);
    expect(
      hasRepeatedSingleton(['Authorization', 'Bearer A', 'If-None-Match', '"a"', 'Cache-Control', 'x', 'Authorizatio', 'y']),
    ).toBe(false);
    expect(hasRepeatedSingleton(['Authorization', 'Bearer A', 'Host', 'h'])).toBe(false);
  });
});
