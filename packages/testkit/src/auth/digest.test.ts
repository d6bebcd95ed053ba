import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFakeAtlas } from '../fake/create-fake-atlas.js';
import { generateFixtures } from '../fixtures/generate-fixtures.js';
import { parseDigestHeader } from './digest-header.js';

const fixtures = generateFixtures({ seed: 2, projects: 2, clustersPerProject: 1, checkpointsPerCluster: 3 });
const path = '/api/atlas/v2/groups?pageNum=1';

function answer(
  challenge: string,
  opts: { user?: string; pass?: string; nc?: string; algorithm?: 'MD5' | 'SHA-256'; uri?: string } = {},
) {
  const { nonce = '', realm = '' } = parseDigestHeader(challenge);
  const algorithm = opts.algorithm ?? 'MD5';
  const h = (s: string) =>
    createHash(algorithm === 'MD5' ? 'md5' : 'sha256')
      .update(s)
      .digest('hex');
  const user = opts.user ?? 'pub';
  const uri = opts.uri ?? path;
  const nc = opts.nc ?? '00000001';
  const cnonce = 'abc123';
  const response = h(`${h(`${user}:${realm}:${opts.pass ?? 'priv'}`)}:${nonce}:${nc}:${cnonce}:auth:${h(`GET:${uri}`)}`);
  return `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", algorithm=${algorithm}, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}"`;
}

describe('fake Atlas Digest auth', () => {
  let now = 0;
  const fake = createFakeAtlas({
    fixtures,
    auth: { digest: [{ publicKey: 'pub', privateKey: 'priv' }], nonceTtlMs: 60_000 },
    now: () => now,
  });

  async function challenge(): Promise<string> {
    const response = await fake.fetch(path);
    return response.headers.get('www-authenticate') ?? '';
  }

  it('challenges like Atlas with a 401 UNAUTHORIZED body', async () => {
    const response = await fake.fetch(path);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(
      /^Digest realm="MMS Public API", domain="", nonce="[^"]+", algorithm=MD5, qop="auth", stale=false$/,
    );
    expect(await response.json()).toEqual({
      detail: 'You are not authorized for this resource.',
      error: 401,
      errorCode: 'UNAUTHORIZED',
      parameters: [],
      reason: 'Unauthorized',
    });
  });

  it('accepts MD5 and SHA-256 responses', async () => {
    expect((await fake.fetch(path, { headers: { authorization: answer(await challenge()) } })).status).toBe(200);
    expect(
      (await fake.fetch(path, { headers: { authorization: answer(await challenge(), { algorithm: 'SHA-256' }) } })).status,
    ).toBe(200);
  });

  it('answers a wrong key with UNEXPECTED_ERROR and a fresh challenge', async () => {
    const response = await fake.fetch(path, { headers: { authorization: answer(await challenge(), { pass: 'wrong' }) } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errorCode: string }).errorCode).toBe('UNEXPECTED_ERROR');
    expect(response.headers.get('www-authenticate')).toContain('stale=false');
    expect((await fake.fetch(path, { headers: { authorization: answer(await challenge(), { user: 'who' }) } })).status).toBe(401);
  });

  it('counts nc: the next nc on a nonce works, a replayed nc is rejected', async () => {
    const c = await challenge();
    expect((await fake.fetch(path, { headers: { authorization: answer(c) } })).status).toBe(200);
    expect((await fake.fetch(path, { headers: { authorization: answer(c, { nc: '00000002' }) } })).status).toBe(200);
    expect((await fake.fetch(path, { headers: { authorization: answer(c, { nc: '00000002' }) } })).status).toBe(401);
  });

  it('expires nonces with stale=true', async () => {
    const c = await challenge();
    now += 60_001;
    const response = await fake.fetch(path, { headers: { authorization: answer(c) } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('stale=true');
  });

  it('rejects a response computed for another URI', async () => {
    const response = await fake.fetch(path, {
      headers: { authorization: answer(await challenge(), { uri: '/api/atlas/v2/groups' }) },
    });
    expect(response.status).toBe(401);
  });

  it('limits a key to its groupIds: other projects are hidden from the list and 403 directly', async () => {
    const allowed = String(fixtures.projects[0]?.group.id);
    const other = String(fixtures.projects[1]?.group.id);
    const limited = createFakeAtlas({
      fixtures,
      auth: { digest: [{ publicKey: 'pub', privateKey: 'priv', groupIds: [allowed] }] },
    });
    const authed = async (p: string) => {
      const first = await limited.fetch(p);
      return limited.fetch(p, { headers: { authorization: answer(first.headers.get('www-authenticate') ?? '', { uri: p }) } });
    };
    const list = (await (await authed('/api/atlas/v2/groups')).json()) as { results: Array<{ id: string }> };
    expect(list.results.map((g) => g.id)).toEqual([allowed]);
    const forbidden = await authed(`/api/atlas/v2/groups/${other}/clusters`);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { errorCode: string }).errorCode).toBe('USER_UNAUTHORIZED');
  });
});
