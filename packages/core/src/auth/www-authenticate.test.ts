import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from './www-authenticate.js';

describe('parseWwwAuthenticate', () => {
  it.each([
    [
      'the Atlas challenge',
      'Digest realm="MMS Public API", domain="", nonce="OFGpZ0n4Q3i4Y0hQoq/Fq6y8hN+lBo8u", algorithm=MD5, qop="auth", stale=false',
      [
        {
          scheme: 'digest',
          params: {
            realm: 'MMS Public API',
            domain: '',
            nonce: 'OFGpZ0n4Q3i4Y0hQoq/Fq6y8hN+lBo8u',
            algorithm: 'MD5',
            qop: 'auth',
            stale: 'false',
          },
        },
      ],
    ],
    [
      'params in another order, no spaces, upper-case names',
      'DIGEST NONCE="n1",QOP=auth,REALM="r"',
      [{ scheme: 'digest', params: { nonce: 'n1', qop: 'auth', realm: 'r' } }],
    ],
    [
      'commas and escaped quotes inside quotes',
      'Digest realm="a, \\"quoted\\" b", nonce="x,y", qop="auth,auth-int"',
      [{ scheme: 'digest', params: { realm: 'a, "quoted" b', nonce: 'x,y', qop: 'auth,auth-int' } }],
    ],
    [
      'an unquoted base64 nonce with padding',
      'Digest realm=r, nonce=abc/def==, qop=auth',
      [{ scheme: 'digest', params: { realm: 'r', nonce: 'abc/def==', qop: 'auth' } }],
    ],
    [
      'several challenges in one value',
      'Basic realm="simple", Newauth realm="apps", type=1, title="Login to \\"apps\\"", Digest realm="d", nonce="n"',
      [
        { scheme: 'basic', params: { realm: 'simple' } },
        { scheme: 'newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
        { scheme: 'digest', params: { realm: 'd', nonce: 'n' } },
      ],
    ],
    [
      'a token68 challenge (ignored) and an empty scheme',
      'Negotiate, Bearer abc==, Digest nonce="n"',
      [
        { scheme: 'negotiate', params: {} },
        { scheme: 'bearer', params: {} },
        { scheme: 'digest', params: { nonce: 'n' } },
      ],
    ],
    ['the first of a repeated param wins', 'Digest nonce="a", nonce="b"', [{ scheme: 'digest', params: { nonce: 'a' } }]],
    ['an unterminated quote', 'Digest realm="open, nonce=x', [{ scheme: 'digest', params: { realm: 'open, nonce=x' } }]],
    ['garbage', '=,,="x"', []],
    ['empty', '', []],
  ])('%s', (_name, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });
});
