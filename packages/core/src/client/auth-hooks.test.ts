import { describe, expect, it } from 'vitest';
import type { AtlasAuth, AuthRequest } from '../auth/types.js';
import { AtlasError } from '../errors/atlas-error.js';
import { createAtlasClient } from './create-atlas-client.js';
import type { ResponseInfo } from './options.js';
import { apiError, page, recordingSleep, sequence, stubFetch } from './test-helpers/stub-fetch.js';

const CHALLENGE = 'Digest realm="MMS Public API", domain="", nonce="n0nce", algorithm=MD5, qop="auth", stale=false';

/** A Digest-like strategy: nothing until challenged, then a header built from the nonce. */
function digestLike() {
  let nonce: string | undefined;
  const authorized: AuthRequest[] = [];
  const challenged: AuthRequest[] = [];
  const auth: AtlasAuth = {
    kind: 'apiKey',
    authorize(request) {
      authorized.push(request);
      return Promise.resolve(nonce ? `Digest username="pub", nonce="${nonce}"` : undefined);
    },
    handleUnauthorized(request, response) {
      challenged.push(request);
      nonce = /nonce="([^"]+)"/.exec(response.headers.get('www-authenticate') ?? '')?.[1];
      return Promise.resolve(nonce !== undefined);
    },
    toJSON: () => ({ kind: 'apiKey' }),
  };
  return { auth, authorized, challenged };
}

/** A bearer strategy whose token can be refreshed once per 401. */
function refreshing() {
  let token = 1;
  let refreshes = 0;
  const auth: AtlasAuth = {
    kind: 'serviceAccount',
    authorize: () => Promise.resolve(`Bearer t${token}`),
    handleUnauthorized: () => {
      refreshes += 1;
      token += 1;
      return Promise.resolve(true);
    },
    toJSON: () => ({ kind: 'serviceAccount' }),
  };
  return { auth, refreshes: () => refreshes };
}

describe('auth hooks', () => {
  it('answers a Digest challenge: 401 then the same request with Authorization', async () => {
    const digest = digestLike();
    const infos: ResponseInfo[] = [];
    const stub = stubFetch((request) =>
      request.headers.get('authorization')?.startsWith('Digest ')
        ? page([], 0)
        : apiError(401, 'UNEXPECTED_ERROR', { 'www-authenticate': CHALLENGE }),
    );
    const client = createAtlasClient({ fetch: stub.fetch, auth: digest.auth, onResponse: (info) => infos.push(info) });
    await expect(client.listProjects()).resolves.toMatchObject({ totalCount: 0 });
    expect(stub.requests.map((r) => r.headers.get('authorization'))).toEqual([null, 'Digest username="pub", nonce="n0nce"']);
    expect(stub.requests[1]?.url).toBe(stub.requests[0]?.url);
    expect(infos.map((info) => [info.status, info.attempt])).toEqual([
      [401, 1],
      [200, 2],
    ]);
    // the strategy sees the very request object it authorized (Digest keeps per-request state)
    expect(digest.challenged[0]).toBe(digest.authorized[0]);
    expect(digest.authorized[0]).toMatchObject({
      method: 'GET',
      baseUrl: 'https://cloud.mongodb.com',
      url: stub.requests[0]?.url,
    });
    expect(typeof digest.authorized[0]?.fetch).toBe('function');
  });

  it('later calls reuse the challenge without another 401', async () => {
    const digest = digestLike();
    const stub = stubFetch((request) =>
      request.headers.get('authorization') ? page([], 0) : apiError(401, 'UNEXPECTED_ERROR', { 'www-authenticate': CHALLENGE }),
    );
    const client = createAtlasClient({ fetch: stub.fetch, auth: digest.auth });
    await client.listProjects();
    await client.listProjects();
    expect(stub.requests.map((r) => r.headers.has('authorization'))).toEqual([false, true, true]);
  });

  it('refreshes a token once on a 401', async () => {
    const strategy = refreshing();
    const stub = stubFetch((request) =>
      request.headers.get('authorization') === 'Bearer t2' ? page([], 0) : apiError(401, 'UNAUTHORIZED'),
    );
    const client = createAtlasClient({ fetch: stub.fetch, auth: strategy.auth });
    await expect(client.listProjects()).resolves.toMatchObject({ totalCount: 0 });
    expect(strategy.refreshes()).toBe(1);
    expect(stub.requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('a second 401 is final: one auth retry per request, never a loop', async () => {
    const strategy = refreshing();
    const stub = sequence(() => apiError(401, 'UNAUTHORIZED'));
    const client = createAtlasClient({ fetch: stub.fetch, auth: strategy.auth });
    await expect(client.listProjects()).rejects.toMatchObject({ name: 'AtlasApiError', status: 401 });
    expect(stub.requests).toHaveLength(2);
    expect(strategy.refreshes()).toBe(1);
  });

  it('no retry when the strategy declines the 401', async () => {
    const stub = sequence(() => apiError(401, 'UNAUTHORIZED'));
    const auth: AtlasAuth = {
      kind: 'accessToken',
      authorize: () => Promise.resolve('Bearer x'),
      handleUnauthorized: () => Promise.resolve(false),
      toJSON: () => ({ kind: 'accessToken' }),
    };
    await expect(createAtlasClient({ fetch: stub.fetch, auth }).listProjects()).rejects.toMatchObject({ status: 401 });
    expect(stub.requests).toHaveLength(1);
  });

  it('authorizes every attempt, including status retries', async () => {
    const strategy = refreshing();
    const recorder = recordingSleep();
    const stub = sequence(
      () => apiError(503, 'SERVICE_UNAVAILABLE'),
      () => page([], 0),
    );
    const inner = strategy.auth;
    let calls = 0;
    const auth: AtlasAuth = { ...inner, authorize: (request) => ((calls += 1), inner.authorize(request)) };
    await createAtlasClient({ fetch: stub.fetch, auth, retry: { sleep: recorder.sleep } }).listProjects();
    expect(calls).toBe(2);
    expect(stub.requests.every((r) => r.headers.get('authorization') === 'Bearer t1')).toBe(true);
  });

  it('an AtlasError from the strategy (e.g. its token endpoint) is thrown as is', async () => {
    const failure = new AtlasError('token endpoint said no');
    const stub = stubFetch(() => page([], 0));
    const auth: AtlasAuth = {
      kind: 'serviceAccount',
      authorize: () => Promise.reject(failure),
      handleUnauthorized: () => Promise.resolve(false),
      toJSON: () => ({ kind: 'serviceAccount' }),
    };
    await expect(createAtlasClient({ fetch: stub.fetch, auth }).listProjects()).rejects.toBe(failure);
    expect(stub.requests).toHaveLength(0);
  });
});
