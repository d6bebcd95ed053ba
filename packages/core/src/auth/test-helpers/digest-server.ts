import { createHash } from 'node:crypto';
import { parseWwwAuthenticate } from '../www-authenticate.js';
import { json, recordingFetch } from './recording-fetch.js';
import type { AtlasAuth, AuthRequest } from '../types.js';

/**
 * A tiny Digest server for tests, checking responses with its own hashing (not the code under
 * test). `nonces` are handed out in order; `rotateAfter` makes a nonce stale after N uses.
 */
export function digestServer(options: {
  publicKey: string;
  privateKey: string;
  algorithm?: 'MD5' | 'SHA-256';
  /** What a failed attempt answers: a fresh nonce (default) or the same one again. */
  onWrongKey?: 'fresh-nonce' | 'same-nonce';
  rotateAfter?: number;
  /** The 200 body (default `{ ok: true }`). */
  body?: unknown;
}) {
  const algorithm = options.algorithm ?? 'MD5';
  const h = (s: string) =>
    createHash(algorithm === 'MD5' ? 'md5' : 'sha256')
      .update(s)
      .digest('hex');
  let counter = 0;
  let nonce = `nonce-${counter}`;
  let uses = 0;
  const seenNc = new Set<string>();
  const challenge = (stale: boolean) =>
    `Digest realm="MMS Public API", domain="", nonce="${nonce}", algorithm=${algorithm}, qop="auth", stale=${stale}`;
  const unauthorized = (stale: boolean) =>
    json(401, { error: 401, errorCode: 'UNEXPECTED_ERROR', reason: 'Unauthorized' }, { 'www-authenticate': challenge(stale) });
  const fresh = () => {
    counter += 1;
    nonce = `nonce-${counter}`;
    uses = 0;
  };

  const stub = recordingFetch((call) => {
    const header = call.headers.get('authorization');
    if (!header) return unauthorized(false);
    const params = parseWwwAuthenticate(header)[0]?.params ?? {};
    const uri = new URL(call.url);
    const ha1 = h(`${options.publicKey}:MMS Public API:${options.privateKey}`);
    const expected = h(
      `${ha1}:${params['nonce']}:${params['nc']}:${params['cnonce']}:auth:${h(`${call.method}:${uri.pathname}${uri.search}`)}`,
    );
    if (params['nonce'] !== nonce) return unauthorized(true);
    if (params['response'] !== expected || params['uri'] !== `${uri.pathname}${uri.search}`) {
      if (options.onWrongKey !== 'same-nonce') fresh();
      return unauthorized(false);
    }
    const replay = `${params['nonce']}/${params['nc']}`;
    if (seenNc.has(replay)) return unauthorized(false);
    seenNc.add(replay);
    uses += 1;
    if (options.rotateAfter !== undefined && uses >= options.rotateAfter) fresh();
    return json(200, options.body ?? { ok: true });
  });
  return { ...stub, currentNonce: () => nonce };
}

/** What the client does: authorize, send, and on a 401 ask the strategy once whether to retry. */
export async function sendLikeTheClient(
  auth: AtlasAuth,
  fetch: typeof globalThis.fetch,
  url: string,
  method = 'GET',
): Promise<Response> {
  const request: AuthRequest = { method, url, baseUrl: new URL(url).origin, fetch };
  const attempt = async () => {
    const authorization = await auth.authorize(request);
    return fetch(url, { method, headers: authorization ? { Authorization: authorization } : {} });
  };
  const first = await attempt();
  if (first.status !== 401 || !(await auth.handleUnauthorized(request, first))) return first;
  return attempt();
}
