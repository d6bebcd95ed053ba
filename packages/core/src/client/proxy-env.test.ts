import { describe, expect, it } from 'vitest';
import { isConfigError } from '../errors/config-error.js';
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

  it.each([
    [{ HTTPS_PROXY: 'http://u:secretpw@[bad' }, 'HTTPS_PROXY'],
    [{ http_proxy: 'http://u:pw@x:99999' }, 'http_proxy'],
    [{ HTTPS_PROXY: 'ftp://proxy:21' }, 'HTTPS_PROXY'],
    [{ HTTP_PROXY: 'proxy.corp:3128' }, 'HTTP_PROXY'],
  ])('refuses %j with a ConfigError naming %s, never its value', (env, name) => {
    let thrown: unknown;
    try {
      proxyEnv(env);
    } catch (error) {
      thrown = error;
    }
    expect(isConfigError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(`${name} is not an http(s) proxy URL such as http://proxy.example.com:3128`);
  });
});
