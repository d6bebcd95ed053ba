import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileTokenCache } from './file-token-cache.js';
import { serviceAccount } from './service-account.js';
import type { AuthRequest } from './types.js';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'token-cache-'));
  dirs.push(dir);
  return join(dir, 'atlas-checkpoints');
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const KEY = { clientId: 'mdb_sa_id_1', baseUrl: 'https://cloud.mongodb.com' };

/** A token endpoint that counts its calls and issues token-1, token-2, … valid for `expiresIn` seconds. */
function tokenEndpoint(expiresIn = 3600) {
  let issued = 0;
  const fetch = ((url: string) => {
    if (!String(url).endsWith('/api/oauth/token')) return Promise.resolve(new Response(null, { status: 200 }));
    issued += 1;
    return Promise.resolve(Response.json({ access_token: `token-${issued}`, token_type: 'Bearer', expires_in: expiresIn }));
  }) as typeof globalThis.fetch;
  return {
    fetch,
    get issued() {
      return issued;
    },
  };
}
const request = (fetch: typeof globalThis.fetch, baseUrl = KEY.baseUrl): AuthRequest => ({
  method: 'GET',
  url: `${baseUrl}/api/atlas/v2/groups`,
  baseUrl,
  fetch,
});

describe('fileTokenCache', () => {
  it('stores a token in a 0600 file under a 0700 directory, named by a hash, and reads it back', async () => {
    const dir = await tempDir();
    const cache = fileTokenCache(dir);
    await cache.set(KEY, { accessToken: 'abc.def', expiresAt: 123 });
    expect(await cache.get(KEY)).toEqual({ accessToken: 'abc.def', expiresAt: 123 });
    const [file] = await readdir(dir);
    expect(file).toMatch(/^token-[0-9a-f]{32}\.json$/);
    expect((await stat(join(dir, file!))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(await cache.get({ ...KEY, baseUrl: 'https://cloud.mongodbgov.com' })).toBeUndefined();
    expect(await cache.get({ ...KEY, clientId: 'other' })).toBeUndefined();
    await cache.delete(KEY);
    expect(await cache.get(KEY)).toBeUndefined();
  });

  it('a corrupt file or an unwritable directory is an empty cache, not an error', async () => {
    const dir = await tempDir();
    const cache = fileTokenCache(dir);
    await cache.set(KEY, { accessToken: 'abc', expiresAt: 1 });
    const [file] = await readdir(dir);
    await writeFile(join(dir, file!), '{not json');
    expect(await cache.get(KEY)).toBeUndefined();
    const blocked = join(await tempDir(), '..', 'a-file');
    await writeFile(blocked, 'x');
    const unusable = fileTokenCache(join(blocked, 'sub'));
    await expect(unusable.set(KEY, { accessToken: 'abc', expiresAt: 1 })).resolves.toBeUndefined();
    expect(await unusable.get(KEY)).toBeUndefined();
  });
});

describe('serviceAccount with a cache', () => {
  it("a second run reuses the first run's token: one token request for two runs, no revocation", async () => {
    const cache = fileTokenCache(await tempDir());
    const endpoint = tokenEndpoint();
    const calls: string[] = [];
    const fetch = ((url: string, init?: RequestInit) => (
      calls.push(String(url)),
      endpoint.fetch(url, init)
    )) as typeof globalThis.fetch;
    for (let run = 0; run < 2; run += 1) {
      const auth = serviceAccount({ clientId: KEY.clientId, clientSecret: 'SECRET', cache });
      expect(await auth.authorize(request(fetch))).toBe('Bearer token-1');
      await auth.close?.();
    }
    expect(endpoint.issued).toBe(1);
    expect(calls.filter((url) => url.endsWith('/revoke'))).toEqual([]);
  });

  it('a cached token within the refresh margin of its expiry is not reused', async () => {
    const cache = fileTokenCache(await tempDir());
    let clock = 1_000_000;
    const endpoint = tokenEndpoint(600);
    const first = serviceAccount({ clientId: KEY.clientId, clientSecret: 'S', cache, now: () => clock });
    expect(await first.authorize(request(endpoint.fetch))).toBe('Bearer token-1');
    clock += 600_000 - 30_000; // 30 s before expiry, inside the 60 s margin
    const second = serviceAccount({ clientId: KEY.clientId, clientSecret: 'S', cache, now: () => clock });
    expect(await second.authorize(request(endpoint.fetch))).toBe('Bearer token-2');
    expect(await cache.get(KEY)).toMatchObject({ accessToken: 'token-2' });
  });

  it('a cached token Atlas rejects (401) is deleted and a fresh one requested', async () => {
    const cache = fileTokenCache(await tempDir());
    await cache.set(KEY, { accessToken: 'revoked', expiresAt: Date.now() + 3_600_000 });
    const endpoint = tokenEndpoint();
    const auth = serviceAccount({ clientId: KEY.clientId, clientSecret: 'S', cache });
    const req = request(endpoint.fetch);
    expect(await auth.authorize(req)).toBe('Bearer revoked');
    expect(await auth.handleUnauthorized(req, new Response(null, { status: 401 }))).toBe(true);
    expect(await auth.authorize(request(endpoint.fetch))).toBe('Bearer token-1');
    expect(await cache.get(KEY)).toMatchObject({ accessToken: 'token-1' });
  });

  it('the cache file holds the token but never the client secret', async () => {
    const dir = await tempDir();
    const auth = serviceAccount({ clientId: KEY.clientId, clientSecret: 'THE-SECRET', cache: fileTokenCache(dir) });
    await auth.authorize(request(tokenEndpoint().fetch));
    const [file] = await readdir(dir);
    expect(await readFile(join(dir, file!), 'utf8')).not.toContain('THE-SECRET');
  });
});
