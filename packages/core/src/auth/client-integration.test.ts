import { describe, expect, it } from 'vitest';
import { createAtlasClient } from '../client/index.js';
import { isAtlasApiError } from '../errors/index.js';
import { apiKey, serviceAccount } from './index.js';
import { digestServer } from './test-helpers/digest-server.js';
import { json, recordingFetch } from './test-helpers/recording-fetch.js';

const BASE = 'https://cloud.mongodb.com';
const EMPTY_PAGE = { results: [], totalCount: 0, links: [] };
const KEYS = { publicKey: 'pubkey01', privateKey: 'private-key-value-0001' };

describe('strategies through createAtlasClient', () => {
  it('apiKey: challenge, then nonce reuse with nc counting', async () => {
    const server = digestServer({ ...KEYS, algorithm: 'SHA-256', body: EMPTY_PAGE });
    const client = createAtlasClient({ baseUrl: BASE, auth: apiKey(KEYS), fetch: server.fetch, retry: 0 });
    await client.listProjects();
    await client.listProjects();
    const ncs = server.calls.map((c) => /nc=([0-9a-f]{8})/.exec(c.headers.get('authorization') ?? '')?.[1] ?? null);
    expect(ncs).toEqual([null, '00000001', '00000002']);
  });

  it('apiKey: a wrong key surfaces the 401 as AtlasApiError after one retry', async () => {
    const server = digestServer({ ...KEYS, onWrongKey: 'same-nonce', body: EMPTY_PAGE });
    const client = createAtlasClient({
      baseUrl: BASE,
      auth: apiKey({ ...KEYS, privateKey: 'wrong-key-0000' }),
      fetch: server.fetch,
      retry: 0,
    });
    const error: unknown = await client.listProjects().catch((e: unknown) => e);
    expect(isAtlasApiError(error) && error.status).toBe(401);
    expect(server.calls).toHaveLength(2);
    expect(String(error)).not.toContain('wrong-key-0000');
  });

  it('serviceAccount: concurrent calls share one token; a rejected token is refetched once', async () => {
    const server = recordingFetch((call) => {
      if (call.url.endsWith('/api/oauth/token')) {
        // counts this call too: the first token is token-1, which the API below rejects
        const issued = server.calls.filter((c) => c.url.endsWith('/api/oauth/token')).length;
        return json(200, { access_token: `token-${issued}`, token_type: 'Bearer', expires_in: 3600 });
      }
      if (call.headers.get('authorization') === 'Bearer token-1')
        return json(401, { error: 401, errorCode: 'UNAUTHORIZED', reason: 'Unauthorized' });
      return json(200, EMPTY_PAGE);
    });
    const client = createAtlasClient({
      baseUrl: BASE,
      auth: serviceAccount({ clientId: 'mdb_sa_id_x', clientSecret: 'mdb_sa_sk_secret' }),
      fetch: server.fetch,
      retry: 0,
    });
    await Promise.all([client.listProjects(), client.listProjects(), client.listProjects()]);
    const tokenCalls = () => server.calls.filter((c) => c.url.endsWith('/api/oauth/token')).length;
    expect(tokenCalls()).toBe(2);
    expect(server.calls.filter((c) => c.headers.get('authorization') === 'Bearer token-1')).toHaveLength(3);
    expect(server.calls.filter((c) => c.headers.get('authorization') === 'Bearer token-2')).toHaveLength(3);
  });
});
