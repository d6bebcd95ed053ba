import { describe, expect, it } from 'vitest';
import { cleanEnv } from './clean-env.js';

describe('cleanEnv', () => {
  const outer = {
    HOME: '/root',
    PATH: '/work/main/tools/node_modules/.bin:/work/main/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:/usr/bin:/bin',
    npm_config_local_prefix: '/work/main',
    npm_lifecycle_event: 'test',
    NX_WORKSPACE_ROOT: '/work/main',
    NX_TASK_TARGET_PROJECT: 'tools',
    VITEST: 'true',
    VITEST_POOL_ID: '1',
    NODE_ENV: 'test',
    INIT_CWD: '/work/main/tools',
    SSL_CERT_FILE: '/etc/ssl/certs/ca.pem',
  };

  it('drops what npm, Nx and Vitest set and keeps the rest of the shell', () => {
    const env = cleanEnv(outer);
    expect(Object.keys(env).sort()).toEqual(['HOME', 'NX_DAEMON', 'PATH', 'SSL_CERT_FILE']);
    expect(env['NX_DAEMON']).toBe('false');
  });

  it('removes node_modules/.bin directories from PATH', () => {
    expect(cleanEnv(outer)['PATH']).toBe('/usr/bin:/bin');
  });

  it('adds the extra variables last', () => {
    expect(cleanEnv(outer, { CI: 'true', NX_DAEMON: 'true' })).toMatchObject({ CI: 'true', NX_DAEMON: 'true' });
  });
});
