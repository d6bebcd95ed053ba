import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selectDigestChallenge } from './digest-challenge.js';
import { digestAuthorization, digestResponse, formatNc } from './digest-response.js';

const RFC_7616_CHALLENGE = (algorithm: string) =>
  `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`;
const mufasa = (algorithm: string) => ({
  challenge: selectDigestChallenge(RFC_7616_CHALLENGE(algorithm))!,
  username: 'Mufasa',
  password: 'Circle of Life',
  method: 'GET',
  uri: '/dir/index.html',
  nc: 1,
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
});

describe('Digest response (RFC 7616 §3.9.1 vectors)', () => {
  it('MD5', () => {
    expect(digestAuthorization(mufasa('MD5'))).toBe(
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, ' +
        'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", ' +
        'qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    );
  });

  it('SHA-256', () => {
    expect(digestResponse(mufasa('SHA-256'))).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  });

  it('RFC 2617 §3.5 (MD5, "testrealm@host.com")', () => {
    const challenge = selectDigestChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    )!;
    const input = {
      challenge,
      username: 'Mufasa',
      password: 'Circle Of Life',
      method: 'GET',
      uri: '/dir/index.html',
      nc: 1,
      cnonce: '0a4f113b',
    };
    expect(digestResponse(input)).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('-sess hashes the nonce and cnonce into HA1', () => {
    const input = mufasa('SHA-256-sess');
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const ha1 = sha(`${sha('Mufasa:http-auth@example.org:Circle of Life')}:${input.challenge.nonce}:${input.cnonce}`);
    const expected = sha(`${ha1}:${input.challenge.nonce}:00000001:${input.cnonce}:auth:${sha('GET:/dir/index.html')}`);
    expect(digestResponse(input)).toBe(expected);
    expect(digestResponse(input)).not.toBe(digestResponse(mufasa('SHA-256')));
  });

  it('legacy challenge without qop: no nc, cnonce or qop in the header', () => {
    const input = { ...mufasa('MD5'), challenge: selectDigestChallenge('Digest realm="r", nonce="n"')! };
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    const header = digestAuthorization(input);
    expect(header).toBe(
      `Digest username="Mufasa", realm="r", uri="/dir/index.html", nonce="n", response="${md5(`${md5('Mufasa:r:Circle of Life')}:n:${md5('GET:/dir/index.html')}`)}"`,
    );
  });

  it('userhash=true sends H(username:realm) and says so', () => {
    const challenge = selectDigestChallenge(
      'Digest realm="api@example.org", nonce="n", algorithm=SHA-512-256, qop=auth, userhash=true',
    )!;
    const header = digestAuthorization({ ...mufasa('MD5'), challenge, username: 'J\u00e4s\u00f8n Doe' });
    const hashed = createHash('sha512-256').update('J\u00e4s\u00f8n Doe:api@example.org', 'utf8').digest('hex');
    expect(header).toContain(`username="${hashed}"`);
    expect(header).toContain('userhash=true');
    expect(header).not.toContain('Doe');
  });

  it('escapes quotes and backslashes in quoted values', () => {
    const challenge = selectDigestChallenge('Digest realm="a \\"b\\" \\\\ c", nonce="n", qop=auth')!;
    expect(digestAuthorization({ ...mufasa('MD5'), challenge, username: 'x"y' })).toContain(
      'username="x\\"y", realm="a \\"b\\" \\\\ c"',
    );
  });

  it('formats nc as 8 hex digits', () => {
    expect([1, 10, 255, 0xffffffff].map(formatNc)).toEqual(['00000001', '0000000a', '000000ff', 'ffffffff']);
  });
});
