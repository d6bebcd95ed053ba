import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from './www-authenticate.js';

const quote = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const NAMES = ['realm', 'nonce', 'opaque', 'domain', 'qop', 'algorithm', 'stale', 'userhash', 'charset'];

describe('parseWwwAuthenticate (properties)', () => {
  it('round-trips any quoted values, in any order, with any spacing, beside other challenges', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(NAMES, { minLength: 1 }),
        fc.array(fc.string({ unit: 'grapheme-ascii' }), { minLength: NAMES.length, maxLength: NAMES.length }),
        fc.constantFrom(',', ', ', ' ,  ', ',\t'),
        fc.boolean(),
        (names, values, separator, withBasic) => {
          const expected = Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
          const digest = `Digest ${names.map((name) => `${name}=${quote(expected[name] ?? '')}`).join(separator)}`;
          const header = withBasic ? `Basic realm="x"${separator}${digest}` : digest;
          const challenges = parseWwwAuthenticate(header);
          expect(challenges.at(-1)).toEqual({ scheme: 'digest', params: expected });
        },
      ),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        expect(Array.isArray(parseWwwAuthenticate(header))).toBe(true);
      }),
    );
  });
});
