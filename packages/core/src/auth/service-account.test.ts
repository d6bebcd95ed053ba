import { describe, expect, it } from 'vitest';
import { isAtlasApiError, isAtlasRequestError, isResponseShapeError } from '../errors/index.js';
import { serviceAccount } from './service-account.js';
import { deferred, json, recordingFetch } from './test-helpers/recording-fetch.js';
import type { AuthRequest } from './types.js';

const CREDS = { clientId: 'mdb_sa_id_0123456789abcdef01234567', clientSecret: 'mdb_sa_sk_S3cr3tS3cr3tS3cr3tS3cr3t' };
const BASE = 'https://cloud.mongodb.com';

function tokenServer(expiresIn = 3600) {
  return recordingFetch((call, index) => {
    if (call.url.endsWith('/api/oauth/revoke')) return new Response(null, { status: 200 });
    return json(200, { access_token: `token-${index}`, token_type: 'Bearer', expires_in: expiresIn });
  });
}
const requestWith = (fetch: typeof globalThis.fetch, extra: Partial<AuthRequest> = {}): AuthRequest => ({
  method: 'GET',
  url: `${BASE}/api/atlas/v2/groups`,
  baseUrl: BASE,
  fetch,
  ...extra,
});

describe('serviceAccount', () => {
  it('fetches a token with the client-credentials grant and sends it as Bearer', async () => {
    const server = tokenServer();
    const auth = serviceAccount(CREDS);
    expect(await auth.authorize(requestWith(server.fetch, { userAgent: 'ua/1' }))).toBe('Bearer token-0');
    const [call] = server.calls;
    expect(call?.url).toBe(`${BASE}/api/oauth/token`);
    expect(call?.method).toBe('POST');
    expect(call?.body).toBe('grant_type=client_credentials');
    expect(call?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(call?.headers.get('accept')).toBe('application/json');
    expect(call?.headers.get('user-agent')).toBe('ua/1');
    expect(call?.headers.get('authorization')).toBe(
      `Basic ${Buffer.from(`${CREDS.clientId}:${CREDS.clientSecret}`).toString('base64')}`,
    );
  });

  it('caches the token until refreshMarginMs before expiry (injected clock)', async () => {
    let now = 1_000_000;
    const server = tokenServer(3600);
    const auth = serviceAccount({ ...CREDS, refreshMarginMs: 60_000, now: () => now });
    const request = requestWith(server.fetch);
    await auth.authorize(request);
    now += 3_540_000 - 1;
    expect(await auth.authorize(request)).toBe('Bearer token-0');
    expect(server.calls).toHaveLength(1);
    now += 1;
    expect(await auth.authorize(request)).toBe('Bearer token-1');
    expect(server.calls).toHaveLength(2);
  });

  it('caps the margin at half the lifetime, so a short-lived token is still reused', async () => {
    let now = 0;
    const server = tokenServer(30);
    const auth = serviceAccount({ ...CREDS, now: () => now });
    await auth.authorize(requestWith(server.fetch));
    now = 14_999;
    await auth.authorize(requestWith(server.fetch));
    expect(server.calls).toHaveLength(1);
    now = 15_000;
    await auth.authorize(requestWith(server.fetch));
    expect(server.calls).toHaveLength(2);
  });

  it('makes one token call for 50 concurrent authorize calls', async () => {
    const gate = deferred<void>();
    const server = recordingFetch(async () => {
      await gate.promise;
      return json(200, { access_token: 'shared', token_type: 'Bearer', expires_in: 3600 });
    });
    const auth = serviceAccount(CREDS);
    const pending = Array.from({ length: 50 }, () => auth.authorize(requestWith(server.fetch)));
    gate.resolve();
    expect(new Set(await Promise.all(pending))).toEqual(new Set(['Bearer shared']));
    expect(server.calls).toHaveLength(1);
  });

  it('rejects every waiter when the refresh fails, and the next call tries again', async () => {
    const gate = deferred<void>();
    const server = recordingFetch(async (_call, index) => {
      if (index === 0) {
        await gate.promise;
        return json(401, { error: 'invalid_client', error_description: 'Invalid client credentials' });
      }
      return json(200, { access_token: 'second', token_type: 'Bearer', expires_in: 3600 });
    });
    const auth = serviceAccount(CREDS);
    const pending = Array.from({ length: 10 }, () => auth.authorize(requestWith(server.fetch)).catch((e: unknown) => e));
    gate.resolve();
    const errors = await Promise.all(pending);
    expect(errors.every(isAtlasApiError)).toBe(true);
    expect(errors[0]).toMatchObject({
      status: 401,
      errorCode: 'invalid_client',
      detail: 'Invalid client credentials',
      method: 'POST',
    });
    expect(await auth.authorize(requestWith(server.fetch))).toBe('Bearer second');
    expect(server.calls).toHaveLength(2);
  });

  it('reads an Atlas error document from the token endpoint', async () => {
    const server = recordingFetch(() =>
      json(
        429,
        { error: 429, errorCode: 'RATE_LIMITED', detail: 'Slow down', reason: 'Too Many Requests' },
        { 'retry-after': '7' },
      ),
    );
    const error: unknown = await serviceAccount(CREDS)
      .authorize(requestWith(server.fetch))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'AtlasApiError',
      status: 429,
      errorCode: 'RATE_LIMITED',
      detail: 'Slow down',
      retryAfterMs: 7000,
    });
  });

  it('maps a non-JSON error body to HTTP_<status>', async () => {
    const server = recordingFetch(() => new Response('<html>bad gateway</html>', { status: 502 }));
    const error: unknown = await serviceAccount(CREDS)
      .authorize(requestWith(server.fetch))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AtlasApiError', status: 502, errorCode: 'HTTP_502' });
  });

  it('maps a network failure to AtlasRequestError and keeps the cause', async () => {
    const cause = new TypeError('fetch failed');
    const server = recordingFetch(() => Promise.reject(cause));
    const error: unknown = await serviceAccount(CREDS)
      .authorize(requestWith(server.fetch))
      .catch((e: unknown) => e);
    expect(isAtlasRequestError(error) && error.kind === 'network' && error.cause === cause).toBe(true);
  });

  it.each([
    ['no access_token', { token_type: 'Bearer', expires_in: 10 }, '/access_token'],
    ['a non-Bearer type', { access_token: 'a', token_type: 'mac', expires_in: 10 }, '/token_type'],
    ['a negative expires_in', { access_token: 'a', token_type: 'Bearer', expires_in: -1 }, '/expires_in'],
  ])('rejects a token document with %s', async (_name, body, path) => {
    const server = recordingFetch(() => json(200, body));
    const error: unknown = await serviceAccount(CREDS)
      .authorize(requestWith(server.fetch))
      .catch((e: unknown) => e);
    expect(isResponseShapeError(error) && error.path).toBe(path);
  });

  it('on a 401 drops the failed token, retries once, and refetches', async () => {
    const server = tokenServer();
    const auth = serviceAccount(CREDS);
    const request = requestWith(server.fetch);
    await auth.authorize(request);
    expect(await auth.handleUnauthorized(request, new Response(null, { status: 401 }))).toBe(true);
    expect(await auth.authorize(request)).toBe('Bearer token-1');
    expect(server.calls).toHaveLength(2);
  });

  it('a late 401 for an already-replaced token does not drop the new one', async () => {
    const server = tokenServer();
    const auth = serviceAccount(CREDS);
    const a = requestWith(server.fetch);
    const b = requestWith(server.fetch);
    await auth.authorize(a);
    await auth.authorize(b);
    await auth.handleUnauthorized(a, new Response(null, { status: 401 }));
    expect(await auth.authorize(a)).toBe('Bearer token-1');
    expect(await auth.handleUnauthorized(b, new Response(null, { status: 401 }))).toBe(true);
    expect(await auth.authorize(b)).toBe('Bearer token-1');
    expect(server.calls).toHaveLength(2);
  });

  it("one waiter's abort leaves the others waiting; all aborting cancels the token call", async () => {
    const gate = deferred<void>();
    let tokenSignal: AbortSignal | null | undefined;
    const server = recordingFetch(async (call) => {
      tokenSignal = call.signal;
      await gate.promise;
      return json(200, { access_token: 'ok', token_type: 'Bearer', expires_in: 3600 });
    });
    const auth = serviceAccount(CREDS);
    const first = new AbortController();
    const second = new AbortController();
    const a = auth.authorize(requestWith(server.fetch, { signal: first.signal })).catch((e: unknown) => e);
    const b = auth.authorize(requestWith(server.fetch, { signal: second.signal }));
    first.abort();
    expect(await a).toMatchObject({ name: 'AtlasRequestError', kind: 'aborted' });
    expect(tokenSignal?.aborted).toBe(false);
    gate.resolve();
    expect(await b).toBe('Bearer ok');

    const third = new AbortController();
    const hold = deferred<void>();
    const slow = recordingFetch(async (call) => {
      tokenSignal = call.signal;
      await hold.promise;
      return json(200, { access_token: 'late', token_type: 'Bearer', expires_in: 3600 });
    });
    const lone = serviceAccount(CREDS);
    const c = lone.authorize(requestWith(slow.fetch, { signal: third.signal })).catch((e: unknown) => e);
    third.abort();
    expect(await c).toMatchObject({ name: 'AtlasRequestError', kind: 'aborted' });
    expect(tokenSignal?.aborted).toBe(true);
    hold.resolve();
  });

  it('a request that arrives just after every waiter aborted starts a new token call instead of joining the cancelled one', async () => {
    const server = recordingFetch((call, index) => {
      if (index === 0) {
        // the first token call waits for its abort, then fails as a fetch does
        return new Promise<Response>((_, reject) =>
          call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true }),
        );
      }
      return json(200, { access_token: 'fresh', token_type: 'Bearer', expires_in: 3600 });
    });
    const auth = serviceAccount(CREDS);
    const impatient = new AbortController();
    const first = auth.authorize(requestWith(server.fetch, { signal: impatient.signal })).catch((e: unknown) => e);
    await Promise.resolve();
    impatient.abort();
    // same turn: the cancelled refresh has not settled yet
    const next = auth.authorize(requestWith(server.fetch));
    expect(await first).toMatchObject({ name: 'AtlasRequestError', kind: 'aborted' });
    expect(await next).toBe('Bearer fresh');
    expect(server.calls).toHaveLength(2);
  });

  it('close() revokes the held token with Basic auth, then forgets it', async () => {
    const server = tokenServer();
    const auth = serviceAccount(CREDS);
    await auth.authorize(requestWith(server.fetch));
    await auth.close?.();
    const revoke = server.calls[1];
    expect(revoke?.url).toBe(`${BASE}/api/oauth/revoke`);
    expect(revoke?.method).toBe('POST');
    expect(revoke?.body).toBe('token=token-0&token_type_hint=access_token');
    expect(revoke?.headers.get('authorization')).toMatch(/^Basic /);
    expect(revoke?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    await auth.close?.();
    expect(server.calls).toHaveLength(2);
  });

  it('close() without a token makes no call', async () => {
    const server = tokenServer();
    await serviceAccount(CREDS).close?.();
    expect(server.calls).toHaveLength(0);
  });

  it.each([
    [{ clientId: '', clientSecret: 'x' }, /clientId/],
    [{ clientId: 'a:b', clientSecret: 'x' }, /clientId/],
    [{ clientId: 'a', clientSecret: '' }, /clientSecret/],
    [{ clientId: 'a', clientSecret: 'x', refreshMarginMs: -1 }, /refreshMarginMs/],
  ])('rejects bad options %#', (options, message) => {
    expect(() => serviceAccount(options)).toThrow(message);
  });
});
