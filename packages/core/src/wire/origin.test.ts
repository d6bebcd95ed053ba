import { describe, expect, it } from 'vitest';
import { isWireError } from './wire-error.js';
import { isValidHost, linkOrigin } from './origin.js';

describe('the origin written into links', () => {
  it('accepts host names, container names, IPv4 and IPv6 with ports', () => {
    for (const host of [
      'localhost',
      'proxy.internal:8080',
      'atlas_proxy:80',
      '127.0.0.1:3000',
      '[::1]:8080',
      'xn--bcher-kva.example',
      'proxy.internal:65535',
      'proxy.internal:1',
    ])
      expect(isValidHost(host), host).toBe(true);
    for (const host of [
      'a"b',
      'a{b}',
      'a b',
      '',
      '-a',
      `${'a'.repeat(64)}.example`,
      'a/b',
      "a'b",
      'a..b',
      'evil.com:',
      'evil.com:99999',
      'evil.com:65536',
      '127.0.0.1:0',
      '[::1]:00',
    ])
      expect(isValidHost(host), host).toBe(false);
  });

  it('uses --public-url when configured, whatever the request says', () => {
    expect(linkOrigin('http://a"b/api', 'https://atlas-proxy.example.com/')).toBe('https://atlas-proxy.example.com');
  });

  it("uses the request's origin only when its host is valid, else 400", () => {
    expect(linkOrigin('http://127.0.0.1:8080/api/atlas/v2/groups')).toBe('http://127.0.0.1:8080');
    for (const url of ['http://a"b/api', 'http://a%22b/api', 'http://a{b}/api']) {
      try {
        linkOrigin(url);
        expect.unreachable(url);
      } catch (error) {
        expect(isWireError(error) && `${error.status} ${error.body.errorCode}`).toBe('400 INVALID_HOST_HEADER');
      }
    }
  });
});
