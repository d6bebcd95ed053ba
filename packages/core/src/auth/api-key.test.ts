import { describe, expect, it } from 'vitest';
import { apiKey } from './api-key.js';
import { digestServer, sendLikeTheClient } from './test-helpers/digest-server.js';
import { parseWwwAuthenticate } from './www-authenticate.js';

const KEYS = { publicKey: 'pubkey01', privateKey: '6f1c7a2e-0b5d-4d3e-9c1a-8f2b7e4d1c90' };
const URL_ = 'https://cloud.mongodb.com/api/atlas/v2/groups?pageNum=2&itemsPerPage=5';
const paramsOf = (header: string | null) => parseWwwAuthenticate(header ?? '')[0]?.params ?? {};

describe('apiKey (Digest)', () => {
  it.each(['MD5', 'SHA-256'] as const)('authenticates after one challenge, then reuses the nonce (%s)', async (algorithm) => {
    const server = digestServer({ ...KEYS, algorithm });
    const auth = apiKey(KEYS);
    expect((await sendLikeTheClient(auth, server.fetch, URL_)).status).toBe(200);
    expect((await sendLikeTheClient(auth, server.fetch, URL_)).status).toBe(200);
    expect((await sendLikeTheClient(auth, server.fetch, URL_, 'POST')).status).toBe(200);

    expect(server.calls.map((c) => c.headers.has('authorization'))).toEqual([false, true, true, true]);
    const sent = server.calls.slice(1).map((c) => paramsOf(c.headers.get('authorization')));
    expect(sent.map((p) => p['nc'])).toEqual(['00000001', '00000002', '00000003']);
    expect(sent.map((p) => p['nonce'])).toEqual(['nonce-0', 'nonce-0', 'nonce-0']);
    expect(sent[0]).toMatchObject({
      username: KEYS.publicKey,
      realm: 'MMS Public API',
      uri: '/api/atlas/v2/groups?pageNum=2&itemsPerPage=5',
      algorithm,
      qop: 'auth',
    });
    expect(sent[0]?.['cnonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(sent.map((p) => p['cnonce'])).size).toBe(3);
  });

  it('gives concurrent requests distinct, consecutive nc values', async () => {
    const server = digestServer(KEYS);
    const auth = apiKey(KEYS);
    await sendLikeTheClient(auth, server.fetch, URL_);
    const responses = await Promise.all(Array.from({ length: 50 }, () => sendLikeTheClient(auth, server.fetch, URL_)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const ncs = server.calls.slice(2).map((c) => parseInt(paramsOf(c.headers.get('authorization'))['nc'] ?? '', 16));
    expect(ncs.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
  });

  it('re-challenges on stale=true: new nonce, nc back to 1, one retry', async () => {
    const server = digestServer({ ...KEYS, rotateAfter: 2 });
    const auth = apiKey(KEYS);
    for (let i = 0; i < 3; i += 1) expect((await sendLikeTheClient(auth, server.fetch, URL_)).status).toBe(200);
    const sent = server.calls.map((c) => c.headers.get('authorization') && paramsOf(c.headers.get('authorization')));
    // no auth → 401; nonce-0 nc1, nc2 (then stale); nonce-0 nc3 → 401 stale; nonce-1 nc1 → 200
    expect(sent.map((p) => (p ? `${p['nonce']}/${p['nc']}` : null))).toEqual([
      null,
      'nonce-0/00000001',
      'nonce-0/00000002',
      'nonce-0/00000003',
      'nonce-1/00000001',
    ]);
    expect(server.calls.at(-2)?.url).toBe(URL_);
  });

  it('a wrong key that gets the same nonce back is not retried', async () => {
    const server = digestServer({ ...KEYS, onWrongKey: 'same-nonce' });
    const auth = apiKey({ ...KEYS, privateKey: 'wrong-key-0000' });
    const response = await sendLikeTheClient(auth, server.fetch, URL_);
    expect(response.status).toBe(401);
    // unauthenticated → challenge → one attempt with the key → 401 with the same nonce → stop
    expect(server.calls).toHaveLength(2);
    const again = await sendLikeTheClient(auth, server.fetch, URL_);
    expect(again.status).toBe(401);
    expect(server.calls).toHaveLength(3);
  });

  it('a wrong key that gets fresh nonces stops after one retry per request', async () => {
    const server = digestServer(KEYS);
    const auth = apiKey({ ...KEYS, privateKey: 'wrong-key-0000' });
    await sendLikeTheClient(auth, server.fetch, URL_);
    const before = server.calls.length;
    expect((await sendLikeTheClient(auth, server.fetch, URL_)).status).toBe(401);
    expect(server.calls.length - before).toBe(2);
  });

  it('does not retry a 401 without a usable Digest challenge', async () => {
    const auth = apiKey(KEYS);
    const request = { method: 'GET', url: URL_, baseUrl: 'https://cloud.mongodb.com', fetch: globalThis.fetch };
    await auth.authorize(request);
    expect(await auth.handleUnauthorized(request, new Response(null, { status: 401 }))).toBe(false);
    expect(
      await auth.handleUnauthorized(
        request,
        new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } }),
      ),
    ).toBe(false);
    expect(await auth.authorize(request)).toBeUndefined();
  });

  it('rejects empty keys with a typed error', () => {
    expect(() => apiKey({ publicKey: '', privateKey: 'x' })).toThrow(/publicKey/);
    expect(() => apiKey({ publicKey: 'p', privateKey: '' })).toThrow(/privateKey/);
  });
});
