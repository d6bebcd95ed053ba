import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearerToken, matchToken, mayRead, partitionOf, proxyPrincipal } from './principal.js';
import { parseTokens, TokensFileError } from './tokens-file.js';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

describe('tokens file', () => {
  it('parses the JSON format and rejects malformed entries with a clear error', () => {
    const tokens = parseTokens(JSON.stringify([{ name: 'ci', sha256: sha('x'), projects: ['*'] }]));
    expect(tokens[0]?.name).toBe('ci');
    expect(() => parseTokens('nope')).toThrow(TokensFileError);
    expect(() => parseTokens('{}')).toThrow(/JSON array/);
    expect(() => parseTokens(JSON.stringify([{ name: 'a', sha256: 'short', projects: ['*'] }]))).toThrow(/sha256/);
    expect(() => parseTokens(JSON.stringify([{ name: 'a', sha256: sha('x'), projects: ['not-an-id'] }]))).toThrow(/projects/);
  });
});

describe('principals', () => {
  it('matches tokens by SHA-256 and restricts projects', () => {
    const g = 'c'.repeat(24);
    const tokens = parseTokens(
      JSON.stringify([
        { name: 'a', sha256: sha('tok-a'), projects: [g] },
        { name: 'b', sha256: sha('tok-b'), projects: ['*'] },
      ]),
    );
    expect(matchToken(tokens, 'tok-a')?.name).toBe('a');
    expect(matchToken(tokens, 'tok-c')).toBeUndefined();
    const a = proxyPrincipal(tokens[0] as (typeof tokens)[number]);
    expect(mayRead(a, g)).toBe(true);
    expect(mayRead(a, 'd'.repeat(24))).toBe(false);
  });

  it('reads bearer tokens and partitions by a keyed hash that never contains the token', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('Digest username="x"')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    const key = Buffer.from('k');
    const p = partitionOf(key, 'secret-token');
    expect(p).toMatch(/^t[0-9a-f]{32}$/);
    expect(p).not.toContain('secret');
    expect(partitionOf(Buffer.from('other'), 'secret-token')).not.toBe(p);
  });
});
