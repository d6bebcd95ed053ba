import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { accessToken, apiKey, none, serviceAccount } from './index.js';
import { json, recordingFetch } from './test-helpers/recording-fetch.js';
import type { AtlasAuth } from './types.js';

const SECRET = 'mdb_sa_sk_TOPsecretVALUE0123456789';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.issued-token-value';
const PRIVATE_KEY = '8a1b2c3d-private-key-value-9f8e7d6c';

function printed(auth: AtlasAuth): string[] {
  return [
    String(auth),
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- printing auth every way a caller might is the test
    `${auth}`,
    JSON.stringify(auth),
    JSON.stringify({ nested: { auth } }),
    inspect(auth),
    inspect({ auth }, { depth: 5 }),
    inspect(auth, { showHidden: true }),
  ];
}

describe('secrets never print', () => {
  it.each([
    [
      'serviceAccount',
      () => serviceAccount({ clientId: 'mdb_sa_id_public', clientSecret: SECRET }),
      { kind: 'serviceAccount', clientId: 'mdb_sa_id_public' },
    ],
    ['apiKey', () => apiKey({ publicKey: 'pubkey01', privateKey: PRIVATE_KEY }), { kind: 'apiKey', publicKey: 'pubkey01' }],
    ['accessToken', () => accessToken(TOKEN), { kind: 'accessToken' }],
    ['none', () => none(), { kind: 'none' }],
  ])('%s: toJSON is the public description and no rendering holds a secret', (kind, make, description) => {
    const auth = make();
    expect(auth.kind).toBe(kind);
    expect(auth.toJSON()).toEqual(description);
    for (const text of printed(auth)) {
      expect(text).toContain(kind);
      for (const secret of [SECRET, TOKEN, PRIVATE_KEY]) expect(text).not.toContain(secret);
    }
  });

  it('a held service-account token does not print either', async () => {
    const server = recordingFetch(() => json(200, { access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 }));
    const auth = serviceAccount({ clientId: 'id', clientSecret: SECRET });
    await auth.authorize({ method: 'GET', url: 'https://x.test/a', baseUrl: 'https://x.test', fetch: server.fetch });
    for (const text of printed(auth)) expect(text).not.toContain(TOKEN);
  });

  it('token endpoint errors never carry the secret, even when the server echoes it', async () => {
    const server = recordingFetch(() =>
      json(400, { error: 'invalid_request', error_description: `bad secret ${SECRET} (${encodeURIComponent(SECRET)})` }),
    );
    const auth = serviceAccount({ clientId: 'id', clientSecret: SECRET });
    const error = await auth
      .authorize({ method: 'GET', url: 'https://x.test/a', baseUrl: 'https://x.test', fetch: server.fetch })
      .catch((e: unknown) => e);
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).toContain('invalid_request');
      expect(text).not.toContain(SECRET);
    }
  });

  it('validation errors do not echo the rejected value', () => {
    const bad = 'token with spaces and a secret';
    expect(() => accessToken(bad)).toThrow(/accessToken/);
    try {
      accessToken(bad);
    } catch (error) {
      expect(String(error)).not.toContain(bad);
    }
  });
});
