import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isConfigError } from '../errors/index.js';
import { readProfile } from './read-profile.js';

const PATH = '/cfg/atlascli/config.toml';
const TOML = `
telemetry_enabled = false

[default]
client_id = "mdb_sa_id_default"
client_secret = "mdb_sa_sk_default_SECRET"
project_id = "5e2211c17a3e5a48f5497de3"
ops_manager_url = "https://cloud.mongodb.com/"
output = "json"

[work]
public_api_key = "pubkey01"
private_api_key = "priv-WORK-secret"

[empty]
client_id = ""
`;
const files = (text: string) => (path: string) =>
  path === PATH ? Promise.resolve(text) : Promise.reject(Object.assign(new Error('no'), { code: 'ENOENT' }));
const caught = async (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('readProfile', () => {
  it('reads the default profile and ignores unknown keys', async () => {
    expect(await readProfile({ path: PATH, profile: 'default', named: false, readFile: files(TOML) })).toEqual({
      clientId: 'mdb_sa_id_default',
      clientSecret: 'mdb_sa_sk_default_SECRET',
      projectId: '5e2211c17a3e5a48f5497de3',
      baseUrl: 'https://cloud.mongodb.com/',
      output: 'json',
    });
  });

  it('reads a named profile; empty strings are unset', async () => {
    expect(await readProfile({ path: PATH, profile: 'work', named: true, readFile: files(TOML) })).toEqual({
      publicApiKey: 'pubkey01',
      privateApiKey: 'priv-WORK-secret',
    });
    expect(await readProfile({ path: PATH, profile: 'empty', named: true, readFile: files(TOML) })).toEqual({});
  });

  it('a missing file or a missing implicit default is an empty profile', async () => {
    expect(await readProfile({ path: '/nowhere/config.toml', profile: 'default', named: false, readFile: files(TOML) })).toEqual(
      {},
    );
    expect(
      await readProfile({ path: PATH, profile: 'default', named: false, readFile: files('[work]\nclient_id = "x"\n') }),
    ).toEqual({});
  });

  it('a named profile that does not exist is an error naming it, the file and the profiles there', async () => {
    const error = await caught(readProfile({ path: PATH, profile: 'prod', named: true, readFile: files(TOML) }));
    expect(isConfigError(error)).toBe(true);
    expect(String(error)).toContain('Profile "prod" not found in /cfg/atlascli/config.toml (profiles: default, work, empty)');
    const noFile = await caught(
      readProfile({ path: '/nowhere/config.toml', profile: 'prod', named: true, readFile: files(TOML) }),
    );
    expect(String(noFile)).toMatch(/"prod".*\/nowhere\/config.toml does not exist/);
  });

  it('malformed TOML names the file and position but never echoes the line', async () => {
    const bad = '[default]\nclient_id = "id"\nclient_secret = "s3cret-VALUE\n';
    const error = await caught(readProfile({ path: PATH, profile: 'default', named: false, readFile: files(bad) }));
    expect(isConfigError(error)).toBe(true);
    expect(String(error)).toMatch(/Malformed config file \/cfg\/atlascli\/config.toml at line 3, column \d+/);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('s3cret-VALUE');
    expect((error as Error).cause).toBeUndefined();
  });

  it.each([
    ['a non-string field', '[default]\nclient_id = 42\n', /client_id in profile "default" of .* must be a string/],
    ['a profile that is not a table', 'default = "x"\n', /Profile "default" in .* is not a table/],
  ])('rejects %s', async (_name, text, message) => {
    expect(String(await caught(readProfile({ path: PATH, profile: 'default', named: false, readFile: files(text) })))).toMatch(
      message,
    );
  });

  it('an unreadable file is an error naming the file and the code', async () => {
    const readFile = () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' }));
    expect(String(await caught(readProfile({ path: PATH, profile: 'default', named: false, readFile })))).toContain(
      `Cannot read the config file ${PATH} (EACCES)`,
    );
  });

  describe('from disk', () => {
    let dir: string | undefined;
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('reads a real file with the default reader', async () => {
      dir = await mkdtemp(join(tmpdir(), 'atlascli-'));
      const path = join(dir, 'config.toml');
      await writeFile(path, TOML);
      expect(await readProfile({ path, profile: 'work', named: true })).toMatchObject({ publicApiKey: 'pubkey01' });
      expect(await readProfile({ path: join(dir, 'missing.toml'), profile: 'default', named: false })).toEqual({});
    });
  });
});
