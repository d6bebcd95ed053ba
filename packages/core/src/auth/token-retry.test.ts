import { describe, expect, it } from 'vitest';
import { createAtlasClient } from '../client/index.js';
import { isAtlasApiError } from '../errors/index.js';
import { serviceAccount } from './index.js';
import { json, recordingFetch, type RecordedCall } from './test-helpers/recording-fetch.js';

const BASE = 'https://cloud.mongodb.com';
const NOW = Date.parse('2024-05-04T09:42:00Z');
const EMPTY_PAGE = { results: [], totalCount: 0, links: [] };
const CREDS = { clientId: 'mdb_sa_id_x', clientSecret: 'mdb_sa_sk_secret' };

/** An Atlas whose token endpoint answers `failures` first (a status and headers each), then a token. */
function atlas(failures: Array<[number, Record<string, string>]>) {
  let tokenCalls = 0;
  const server = recordingFetch((call: RecordedCall) => {
    if (call.url.endsWith('/api/oauth/token')) {
      const failure = failures[tokenCalls++];
      if (failure) return json(failure[0], { error: 'temporarily_unavailable' }, failure[1]);
      return json(200, { access_token: 'token-ok', token_type: 'Bearer', expires_in: 3600 });
    }
    return json(200, EMPTY_PAGE);
  });
  return { ...server, tokenCalls: () => server.calls.filter((c) => c.url.endsWith('/api/oauth/token')).length };
}

function client(fetch: typeof globalThis.fetch, limit = 3) {
  const waits: number[] = [];
  const c = createAtlasClient({
    baseUrl: BASE,
    auth: serviceAccount(CREDS),
    fetch,
    retry: { limit, random: () => 0.5, now: () => NOW, sleep: (ms) => (waits.push(ms), Promise.resolve()) },
  });
  return { client: c, waits };
}

describe('the OAuth token request is retried by the same policy as API requests', () => {
  it.each([429, 500, 502, 503, 504])('a %i from /api/oauth/token is retried, and the call succeeds', async (status) => {
    const server = atlas([[status, {}]]);
    const { client: c, waits } = client(server.fetch);
    await expect(c.listProjects()).resolves.toMatchObject({ totalCount: 0 });
    expect(server.tokenCalls()).toBe(2);
    expect(waits).toEqual([250]); // the API's backoff: full jitter, 0.5 × 500 ms
  });

  it('honours Retry-After from the token endpoint, in seconds or as an HTTP date', async () => {
    const server = atlas([
      [503, { 'retry-after': '3' }],
      [429, { 'retry-after': new Date(NOW + 7_000).toUTCString() }],
    ]);
    const { client: c, waits } = client(server.fetch);
    await c.listProjects();
    expect(server.tokenCalls()).toBe(3);
    expect(waits).toEqual([3_000, 7_000]); // the date is read with the client's clock (retry.now)
  });

  it('a Retry-After beyond maxRetryAfterMs fails at once, as for the API', async () => {
    const server = atlas([[503, { 'retry-after': '3600' }]]);
    const { client: c } = client(server.fetch);
    const error = await c.listProjects().catch((e: unknown) => e);
    expect(isAtlasApiError(error) && [error.status, error.retryAfterMs]).toEqual([503, 3_600_000]);
    expect(server.tokenCalls()).toBe(1);
  });

  it('gives up after the retry limit with the token endpoint’s error; a 400/401 is not retried', async () => {
    const busy = atlas(Array.from({ length: 10 }, () => [503, {}] as [number, Record<string, string>]));
    const error = await client(busy.fetch, 2)
      .client.listProjects()
      .catch((e: unknown) => e);
    expect(isAtlasApiError(error) && [error.status, error.method]).toEqual([503, 'POST']);
    expect(busy.tokenCalls()).toBe(3);
    const refused = atlas([[401, {}]]);
    await expect(client(refused.fetch).client.listProjects()).rejects.toMatchObject({ status: 401 });
    expect(refused.tokenCalls()).toBe(1);
  });

  it('a socket reset on the token request is retried too (as before)', async () => {
    let resets = 1;
    const server = recordingFetch((call) => {
      if (call.url.endsWith('/api/oauth/token')) {
        if (resets-- > 0)
          throw new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
        return json(200, { access_token: 'token-ok', token_type: 'Bearer', expires_in: 3600 });
      }
      return json(200, EMPTY_PAGE);
    });
    const { client: c } = client(server.fetch);
    await expect(c.listProjects()).resolves.toMatchObject({ totalCount: 0 });
    expect(server.calls.filter((call) => call.url.endsWith('/api/oauth/token'))).toHaveLength(2);
  });
});
