import { describe, expect, it } from 'vitest';
import { createFakeAtlas } from '../fake/create-fake-atlas.js';
import { generateFixtures } from '../fixtures/generate-fixtures.js';

const fixtures = generateFixtures({ seed: 2, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 3 });
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('fake Atlas OAuth (service accounts)', () => {
  let now = 0;
  const fake = createFakeAtlas({
    fixtures,
    auth: { oauth: [{ clientId: 'mdb_sa_id', clientSecret: 'mdb_sa_sk' }], tokenTtlSeconds: 60 },
    now: () => now,
  });

  async function token(): Promise<string> {
    const response = await fake.fetch('/api/oauth/token', {
      method: 'POST',
      headers: { ...form, authorization: basic('mdb_sa_id', 'mdb_sa_sk') },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 60 });
    return body.access_token;
  }
  const list = (bearer: string) => fake.fetch('/api/atlas/v2/groups', { headers: { authorization: `Bearer ${bearer}` } });

  it('issues bearer tokens for client credentials and accepts them', async () => {
    expect((await list(await token())).status).toBe(200);
  });

  it('rejects bad client credentials and other grant types', async () => {
    const bad = await fake.fetch('/api/oauth/token', {
      method: 'POST',
      headers: { ...form, authorization: basic('mdb_sa_id', 'nope') },
      body: 'grant_type=client_credentials',
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: 'invalid_client' });
    const grant = await fake.fetch('/api/oauth/token', {
      method: 'POST',
      headers: { ...form, authorization: basic('mdb_sa_id', 'mdb_sa_sk') },
      body: 'grant_type=password',
    });
    expect(grant.status).toBe(400);
  });

  it('rejects unknown, expired and revoked tokens with Atlas 401', async () => {
    const unknown = await list('made-up');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ errorCode: 'UNAUTHORIZED', error: 401 });
    const expiring = await token();
    now += 60_000;
    expect((await list(expiring)).status).toBe(401);
    const revoked = await token();
    const revoke = await fake.fetch('/api/oauth/revoke', {
      method: 'POST',
      headers: { ...form, authorization: basic('mdb_sa_id', 'mdb_sa_sk') },
      body: `token=${revoked}&token_type_hint=access_token`,
    });
    expect(revoke.status).toBe(200);
    expect((await list(revoked)).status).toBe(401);
  });

  it('answers malformed or raw percent signs in Basic credentials with invalid_client or a token, never a 500', async () => {
    const post = (authorization: string) =>
      fake.fetch('/api/oauth/token', {
        method: 'POST',
        headers: { ...form, authorization },
        body: 'grant_type=client_credentials',
      });
    const garbled = await post(basic('mdb_sa_id', 'bad%zz'));
    expect(garbled.status).toBe(401);
    expect(await garbled.json()).toMatchObject({ error: 'invalid_client' });
    const percent = createFakeAtlas({ fixtures, auth: { oauth: [{ clientId: 'mdb_sa_id', clientSecret: 'a%41b+c' }] } });
    const send = (secret: string) =>
      percent.fetch('/api/oauth/token', {
        method: 'POST',
        headers: { ...form, authorization: basic('mdb_sa_id', secret) },
        body: 'grant_type=client_credentials',
      });
    expect((await send('a%41b+c')).status).toBe(200); // sent as is, as core and curl do
    expect((await send('a%2541b%2Bc')).status).toBe(200); // form-encoded, as RFC 6749 §2.3.1 asks
    expect((await send('aAb c')).status).toBe(401);
  });

  it('expireTokens() expires every issued token', async () => {
    const t = await token();
    fake.expireTokens();
    expect((await list(t)).status).toBe(401);
  });

  it('refuses an auth option with no credentials', () => {
    expect(() => createFakeAtlas({ auth: {} })).toThrow(TypeError);
  });
});
