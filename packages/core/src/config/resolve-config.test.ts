import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isConfigError } from '../errors/index.js';
import { resolveConfig } from './resolve-config.js';
import type { ResolveConfigOptions } from './types.js';

const PATH = '/cfg/config.toml';
const P1 = '5e2211c17a3e5a48f5497de3';
const P2 = '6a0000000000000000000002';
const P3 = '7b0000000000000000000003';
const TOML = `
[default]
project_id = "${P3}"
ops_manager_url = "https://profile.example.com/"

[sa]
client_id = "mdb_sa_id_profile"
client_secret = "PROFILE-client-secret"

[keys]
public_api_key = "profilepub"
private_api_key = "PROFILE-private-key"

[half]
client_id = "mdb_sa_id_half"

[login]
access_token = "eyJhbGciOi.PROFILE-access.token"
refresh_token = "PROFILE-refresh"
output = "json"

[gov]
service = "cloudgov"
client_id = "mdb_sa_id_gov"
client_secret = "PROFILE-client-secret"

[badservice]
service = "mars"
`;
const readFile =
  (text = TOML) =>
  (path: string) =>
    path === PATH ? Promise.resolve(text) : Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' }));
const resolve = (options: Omit<ResolveConfigOptions, 'configPath' | 'readFile'> & { toml?: string }) =>
  resolveConfig({ env: {}, ...options, configPath: PATH, readFile: readFile(options.toml) });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('resolveConfig', () => {
  it('defaults: Atlas URL, no credentials, default profile', async () => {
    const config = await resolveConfig({ env: {}, configPath: '/nowhere.toml', readFile: readFile() });
    expect(config).toMatchObject({
      baseUrl: 'https://cloud.mongodb.com',
      credentials: 'none',
      profile: 'default',
      configPath: '/nowhere.toml',
    });
    expect(config.auth.kind).toBe('none');
    expect(config.projectId).toBeUndefined();
    expect(config.sources).toEqual({ profile: { from: 'default' }, baseUrl: { from: 'default' } });
  });

  it.each([
    [
      'flag wins over env and profile',
      { projectId: P1 },
      { MONGODB_ATLAS_PROJECT_ID: P2 },
      P1,
      { from: 'flag', flag: 'projectId' },
    ],
    ['env wins over profile', {}, { MONGODB_ATLAS_PROJECT_ID: P2 }, P2, { from: 'env', variable: 'MONGODB_ATLAS_PROJECT_ID' }],
    ['profile when nothing else', {}, {}, P3, { from: 'profile', profile: 'default', key: 'project_id', path: PATH }],
    [
      'an empty flag or env value counts as unset',
      { projectId: ' ' },
      { MONGODB_ATLAS_PROJECT_ID: '' },
      P3,
      { from: 'profile', profile: 'default', key: 'project_id', path: PATH },
    ],
  ])('projectId: %s', async (_name, flags, env, expected, source) => {
    const config = await resolve({ flags, env });
    expect(config.projectId).toBe(expected);
    expect(config.sources.projectId).toEqual(source);
  });

  it.each([
    [
      'flag',
      { baseUrl: 'http://127.0.0.1:9/' },
      { MONGODB_ATLAS_OPS_MANAGER_URL: 'https://env.example.com' },
      'http://127.0.0.1:9',
      'flag',
    ],
    ['env', {}, { MONGODB_ATLAS_OPS_MANAGER_URL: 'https://env.example.com//' }, 'https://env.example.com', 'env'],
    ['profile', {}, {}, 'https://profile.example.com', 'profile'],
  ])('baseUrl from %s, trailing slash trimmed', async (_name, flags, env, expected, from) => {
    const config = await resolve({ flags, env });
    expect(config.baseUrl).toBe(expected);
    expect(config.sources.baseUrl.from).toBe(from);
  });

  it('a bad base URL names where it came from', async () => {
    const error = await failure(resolve({ env: { MONGODB_ATLAS_OPS_MANAGER_URL: 'cloud.mongodb.com' } }));
    expect(isConfigError(error)).toBe(true);
    expect(String(error)).toContain('env MONGODB_ATLAS_OPS_MANAGER_URL');
  });

  it('a bad project id names where it came from', async () => {
    expect(String(await failure(resolve({ flags: { projectId: 'nope' } })))).toMatch(/flag --projectId .*24 lower-case hex/);
  });

  it.each([
    ['service account from env', {}, { MONGODB_ATLAS_CLIENT_ID: 'id', MONGODB_ATLAS_CLIENT_SECRET: 'sec' }, 'serviceAccount'],
    ['API key from env', {}, { MONGODB_ATLAS_PUBLIC_API_KEY: 'pub', MONGODB_ATLAS_PRIVATE_API_KEY: 'priv' }, 'apiKey'],
    [
      'service account wins over API key',
      { publicApiKey: 'pub', privateApiKey: 'priv' },
      { MONGODB_ATLAS_CLIENT_ID: 'id', MONGODB_ATLAS_CLIENT_SECRET: 'sec' },
      'serviceAccount',
    ],
    [
      'a complete service account makes half an API key irrelevant',
      {},
      { MONGODB_ATLAS_CLIENT_ID: 'id', MONGODB_ATLAS_CLIENT_SECRET: 'sec', MONGODB_ATLAS_PUBLIC_API_KEY: 'pub' },
      'serviceAccount',
    ],
    [
      'pairs may be completed across layers',
      { clientSecret: 'flag-secret' },
      { MONGODB_ATLAS_CLIENT_ID: 'id' },
      'serviceAccount',
    ],
    ['service account from the named profile (flag)', { profile: 'sa' }, {}, 'serviceAccount'],
    ['API key from the named profile (env)', {}, { MONGODB_ATLAS_PROFILE: 'keys' }, 'apiKey'],
  ])('credentials: %s', async (_name, flags, env, kind) => {
    const config = await resolve({ flags, env });
    expect(config.credentials).toBe(kind);
    expect(config.auth.kind).toBe(kind);
  });

  it('the flag profile wins over MONGODB_ATLAS_PROFILE and sources say where everything came from', async () => {
    const config = await resolve({
      flags: { profile: 'sa' },
      env: { MONGODB_ATLAS_PROFILE: 'keys', MONGODB_ATLAS_CLIENT_SECRET: 'env-secret' },
    });
    expect(config.profile).toBe('sa');
    expect(config.sources).toEqual({
      profile: { from: 'flag', flag: 'profile' },
      baseUrl: { from: 'default' },
      clientId: { from: 'profile', profile: 'sa', key: 'client_id', path: PATH },
      clientSecret: { from: 'env', variable: 'MONGODB_ATLAS_CLIENT_SECRET' },
    });
    expect(config.auth.toJSON()).toEqual({ kind: 'serviceAccount', clientId: 'mdb_sa_id_profile' });
  });

  it.each([
    [
      'client id without secret (env)',
      {},
      { MONGODB_ATLAS_CLIENT_ID: 'id' },
      /clientId is set \(env MONGODB_ATLAS_CLIENT_ID\) but MONGODB_ATLAS_CLIENT_SECRET is not/,
    ],
    [
      'secret without client id (flag)',
      { clientSecret: 'FLAG-SECRET' },
      {},
      /clientSecret is set \(flag --clientSecret\) but MONGODB_ATLAS_CLIENT_ID is not/,
    ],
    [
      'public key without private key',
      {},
      { MONGODB_ATLAS_PUBLIC_API_KEY: 'pub' },
      /MONGODB_ATLAS_PRIVATE_API_KEY is not.*--privateApiKey.*private_api_key to profile "default"/,
    ],
    ['private key without public key', { privateApiKey: 'PRIV-SECRET' }, {}, /MONGODB_ATLAS_PUBLIC_API_KEY is not/],
    [
      'half a service account even with a complete API key',
      {},
      { MONGODB_ATLAS_CLIENT_ID: 'id', MONGODB_ATLAS_PUBLIC_API_KEY: 'p', MONGODB_ATLAS_PRIVATE_API_KEY: 'PRIV-SECRET' },
      /MONGODB_ATLAS_CLIENT_SECRET/,
    ],
    [
      'half a pair in a profile',
      { profile: 'half' },
      {},
      /clientId is set \(client_id in profile "half" of \/cfg\/config.toml\)/,
    ],
  ])('half a pair is an error: %s', async (_name, flags, env, message) => {
    const error = await failure(resolve({ flags, env }));
    expect(isConfigError(error)).toBe(true);
    expect(String(error)).toMatch(message);
    expect(String(error)).not.toMatch(/FLAG-SECRET|PRIV-SECRET/);
  });

  it('a named profile that does not exist is an error', async () => {
    expect(String(await failure(resolve({ env: { MONGODB_ATLAS_PROFILE: 'prod' } })))).toContain(
      'Profile "prod" not found in /cfg/config.toml',
    );
  });

  it('bad TOML is an error naming the file', async () => {
    expect(String(await failure(resolve({ toml: '[default\nclient_secret = "x"' })))).toContain(
      'Malformed config file /cfg/config.toml',
    );
  });

  it('reads $XDG_CONFIG_HOME/atlascli/config.toml when no path is given', async () => {
    const seen: string[] = [];
    await resolveConfig({ env: { XDG_CONFIG_HOME: '/xdg' }, readFile: (path) => (seen.push(path), Promise.resolve('')) });
    expect(seen).toEqual(['/xdg/atlascli/config.toml']);
  });

  it('the resolved config never prints a secret', async () => {
    for (const profile of ['sa', 'keys']) {
      const config = await resolve({ flags: { profile } });
      for (const text of [JSON.stringify(config), inspect(config, { depth: 10 }), String(config.auth)]) {
        expect(text).not.toMatch(/PROFILE-(client-secret|private-key)/);
      }
    }
  });

  it.each([
    [
      'the profile (atlas auth login)',
      { profile: 'login' },
      {},
      { from: 'profile', profile: 'login', key: 'access_token', path: PATH },
    ],
    ['env', {}, { MONGODB_ATLAS_ACCESS_TOKEN: 'env.token' }, { from: 'env', variable: 'MONGODB_ATLAS_ACCESS_TOKEN' }],
    ['the flag', { accessToken: 'flag.token' }, {}, { from: 'flag', flag: 'accessToken' }],
  ])('an access token from %s: Bearer, and the token is never printed', async (_name, flags, env, source) => {
    const config = await resolve({ flags, env });
    expect(config.credentials).toBe('accessToken');
    expect(config.sources.accessToken).toEqual(source);
    const header = await config.auth.authorize({ method: 'GET', url: 'https://x/y', baseUrl: 'https://x', fetch });
    expect(header).toMatch(/^Bearer (eyJhbGciOi\.PROFILE-access\.token|env\.token|flag\.token)$/);
    expect(JSON.stringify(config) + inspect(config, { depth: 10 })).not.toMatch(/PROFILE-access|env\.token|flag\.token/);
  });

  it('an access token from env wins over a service account found only in the profile; not over one from env', async () => {
    expect((await resolve({ flags: { profile: 'sa' }, env: { MONGODB_ATLAS_ACCESS_TOKEN: 't' } })).credentials).toBe(
      'accessToken',
    );
    const both = await resolve({
      env: { MONGODB_ATLAS_ACCESS_TOKEN: 't', MONGODB_ATLAS_CLIENT_ID: 'i', MONGODB_ATLAS_CLIENT_SECRET: 's' },
    });
    expect(both.credentials).toBe('serviceAccount');
    expect(
      (
        await resolve({
          flags: { profile: 'login' },
          env: { MONGODB_ATLAS_PUBLIC_API_KEY: 'p', MONGODB_ATLAS_PRIVATE_API_KEY: 'q' },
        })
      ).credentials,
    ).toBe('apiKey');
  });

  it('a malformed access token is a ConfigError naming its source, not echoing it', async () => {
    const error = await failure(resolve({ env: { MONGODB_ATLAS_ACCESS_TOKEN: 'two words SECRET' } }));
    expect(isConfigError(error)).toBe(true);
    expect(String(error)).toContain('access token from env MONGODB_ATLAS_ACCESS_TOKEN');
    expect(String(error)).not.toContain('SECRET');
  });

  it('service = "cloudgov" defaults the base URL to Atlas for Government; an explicit URL still wins', async () => {
    const gov = await resolve({ flags: { profile: 'gov' } });
    expect(gov).toMatchObject({ baseUrl: 'https://cloud.mongodbgov.com', service: 'cloudgov', credentials: 'serviceAccount' });
    expect(gov.sources.baseUrl).toEqual({ from: 'profile', profile: 'gov', key: 'service', path: PATH });
    expect((await resolve({ flags: { profile: 'gov', baseUrl: 'http://127.0.0.1:9' } })).baseUrl).toBe('http://127.0.0.1:9');
    expect((await resolve({ env: { MONGODB_ATLAS_SERVICE: 'cloudgov' } })).baseUrl).toBe('https://profile.example.com');
    expect((await resolve({ flags: {} })).service).toBe('cloud');
  });

  it('an unknown service is a ConfigError naming the values', async () => {
    const error = await failure(resolve({ flags: { profile: 'badservice' } }));
    expect(isConfigError(error)).toBe(true);
    expect(String(error)).toMatch(/service from service in profile "badservice".*"cloud" or "cloudgov"/);
  });

  it("the profile's output is the default output format (env MONGODB_ATLAS_OUTPUT over it)", async () => {
    expect((await resolve({ flags: { profile: 'login' } })).output).toBe('json');
    expect((await resolve({ flags: { profile: 'login' }, env: { MONGODB_ATLAS_OUTPUT: 'csv' } })).output).toBe('csv');
    expect((await resolve({})).output).toBeUndefined();
  });

  it("flagNames: sources use the caller's spelling, and advice names only flags that exist", async () => {
    const proxy = await failure(
      resolveConfig({
        env: {},
        flags: { baseUrl: 'ftp://x' },
        flagNames: { baseUrl: 'upstream' },
        configPath: PATH,
        readFile: readFile(),
      }),
    );
    expect(String(proxy)).toContain('base URL from flag --upstream');
    const half = await failure(
      resolveConfig({
        env: { MONGODB_ATLAS_PUBLIC_API_KEY: 'pub' },
        flagNames: { baseUrl: 'baseUrl', accessToken: 'accessToken' },
        configPath: PATH,
        readFile: readFile(),
      }),
    );
    expect(isConfigError(half)).toBe(true);
    expect(String(half)).toMatch(/Set MONGODB_ATLAS_PRIVATE_API_KEY, or add private_api_key to profile/);
    expect(String(half)).not.toContain('--privateApiKey');
  });
});
