import { describe, expect, it } from 'vitest';
import { proxyEnv, usesProxy } from './proxy-env.js';

describe('proxyEnv', () => {
  it('reads the lower-case names first, then the upper-case ones', () => {
    expect(
      proxyEnv({
        https_proxy: 'http://lower:1',
        HTTPS_PROXY: 'http://upper:1',
        HTTP_PROXY: 'http://upper:2',
        NO_PROXY: 'localhost',
      }),
    ).toEqual({ httpsProxy: 'http://lower:1', httpProxy: 'http://upper:2', noProxy: 'localhost' });
  });

  it('treats empty values as unset', () => {
    const env = proxyEnv({ HTTPS_PROXY: ' ', http_proxy: '', NO_PROXY: '' });
    expect(env).toEqual({});
    expect(usesProxy(env)).toBe(false);
    expect(usesProxy(proxyEnv({ HTTP_PROXY: 'http://proxy:3128' }))).toBe(true);
  });
});
