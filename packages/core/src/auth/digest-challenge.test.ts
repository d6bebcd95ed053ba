import { describe, expect, it } from 'vitest';
import { selectDigestChallenge } from './digest-challenge.js';

const RFC_SHA256 =
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';
const RFC_MD5 =
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';

describe('selectDigestChallenge', () => {
  it('reads the Atlas challenge (domain, stale=false, MD5)', () => {
    expect(
      selectDigestChallenge('Digest realm="MMS Public API", domain="", nonce="n1", algorithm=MD5, qop="auth", stale=false'),
    ).toEqual({
      realm: 'MMS Public API',
      nonce: 'n1',
      opaque: undefined,
      algorithm: 'MD5',
      algorithmToken: 'MD5',
      qop: 'auth',
      stale: false,
      userhash: false,
    });
  });

  it('prefers SHA-256 over MD5 whichever comes first, across two joined headers', () => {
    for (const order of [
      [RFC_MD5, RFC_SHA256],
      [RFC_SHA256, RFC_MD5],
    ]) {
      const headers = new Headers();
      for (const value of order) headers.append('WWW-Authenticate', value);
      expect(selectDigestChallenge(headers.get('www-authenticate') ?? '')?.algorithm).toBe('SHA-256');
    }
  });

  it.each([
    [
      'no algorithm means MD5, echoed as absent',
      'Digest realm="r", nonce="n", qop=auth',
      { algorithm: 'MD5', algorithmToken: undefined },
    ],
    [
      'lower-case algorithm token is kept for the echo',
      'Digest nonce="n", algorithm=sha-256-sess, qop=auth',
      { algorithm: 'SHA-256-sess', algorithmToken: 'sha-256-sess', realm: '' },
    ],
    [
      'SHA-512-256 with userhash',
      'Digest nonce="n", algorithm=SHA-512-256, userhash=true, qop=auth',
      { algorithm: 'SHA-512-256', userhash: true },
    ],
    ['stale=TRUE', 'Digest nonce="n", stale=TRUE, qop="auth"', { stale: true }],
    ['legacy RFC 2069 challenge without qop', 'Digest realm="r", nonce="n"', { qop: undefined }],
    ['opaque', 'Digest nonce="n", opaque="o p"', { opaque: 'o p' }],
  ])('%s', (_name, header, expected) => {
    expect(selectDigestChallenge(header)).toMatchObject(expected);
  });

  it.each([
    ['no nonce', 'Digest realm="r", qop=auth'],
    ['an unknown algorithm', 'Digest nonce="n", algorithm=SHA-1, qop=auth'],
    ['auth-int only', 'Digest nonce="n", qop="auth-int"'],
    ['not Digest at all', 'Basic realm="r", Bearer realm="x"'],
    ['empty', ''],
  ])('ignores a challenge with %s', (_name, header) => {
    expect(selectDigestChallenge(header)).toBeUndefined();
  });

  it('skips an unusable Digest challenge and takes a usable one', () => {
    expect(selectDigestChallenge('Digest nonce="a", algorithm=SHA-1, Digest nonce="b", algorithm=MD5')?.nonce).toBe('b');
  });
});
