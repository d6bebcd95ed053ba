import { describe, expect, it } from 'vitest';
import { hasRepeatedHost } from './repeated-host.js';

describe('hasRepeatedHost (RFC 9112 §3.2)', () => {
  it('finds a second Host field line in any case, and nothing else', () => {
    expect(hasRepeatedHost(['Host', 'a.example', 'host', 'b.example'])).toBe(true);
    expect(hasRepeatedHost(['HOST', 'a.example', 'Accept', '*/*', 'hOsT', 'a.example'])).toBe(true);
    expect(hasRepeatedHost(['Host', 'a.example', 'Date', 'x', 'Vary', 'y', 'Accept', '*/*'])).toBe(false);
    expect(hasRepeatedHost(['X-Host', 'a', 'Hosts', 'b', 'Host', 'c'])).toBe(false);
    expect(hasRepeatedHost([])).toBe(false);
  });
});
