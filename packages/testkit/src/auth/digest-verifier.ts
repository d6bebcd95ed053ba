import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseDigestHeader } from './digest-header.js';
import type { FakeApiKey } from './types.js';

/** Digest realm Atlas uses. */
const DIGEST_REALM = 'MMS Public API';
const MAX_NONCES = 10_000;

/** The outcome of checking a Digest Authorization header. */
type DigestResult =
  | { readonly ok: true; readonly key: FakeApiKey }
  | { readonly ok: false; readonly reason: 'wrong-credentials' | 'stale' | 'replay' | 'malformed' };

/** Issues nonces and verifies Digest responses (MD5, SHA-256 and their `-sess` forms, qop=auth). */
export interface DigestVerifier {
  issueNonce(): string;
  verify(header: string, method: string, requestUri: string): DigestResult;
}

const ALGORITHMS: Readonly<Record<string, 'md5' | 'sha256'>> = { md5: 'md5', 'sha-256': 'sha256' };

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Server side of HTTP Digest: nonces expire after `ttlMs` (answered with `stale=true`) and each
 * `nc` may be used once per nonce (replays are rejected).
 *
 * @example
 * const digest = createDigestVerifier([{ publicKey: 'pub', privateKey: 'priv' }], 300_000, Date.now);
 * digest.verify(request.headers.get('authorization') ?? '', 'GET', '/api/atlas/v2/groups');
 */
export function createDigestVerifier(keys: readonly FakeApiKey[], ttlMs: number, now: () => number): DigestVerifier {
  const nonces = new Map<string, { issuedAt: number; seen: Set<string> }>();
  return {
    issueNonce() {
      if (nonces.size >= MAX_NONCES) {
        for (const [nonce, entry] of nonces)
          if (now() - entry.issuedAt > ttlMs || nonces.size >= MAX_NONCES) nonces.delete(nonce);
      }
      const nonce = randomBytes(24).toString('base64url');
      nonces.set(nonce, { issuedAt: now(), seen: new Set() });
      return nonce;
    },
    verify(header, method, requestUri) {
      const p = parseDigestHeader(header);
      const algorithmName = (p.algorithm ?? 'MD5').toLowerCase();
      const sess = algorithmName.endsWith('-sess');
      const algorithm = ALGORITHMS[sess ? algorithmName.slice(0, -5) : algorithmName];
      const { username, nonce, uri, response, nc, cnonce, qop } = p;
      if (!algorithm || !username || !nonce || !uri || !response || !nc || !cnonce || qop !== 'auth')
        return { ok: false, reason: 'malformed' };
      if (uri !== requestUri) return { ok: false, reason: 'malformed' };
      const key = keys.find((candidate) => candidate.publicKey === username);
      if (!key || p.realm !== DIGEST_REALM) return { ok: false, reason: 'wrong-credentials' };
      const h = (text: string) => createHash(algorithm).update(text).digest('hex');
      let ha1 = h(`${username}:${DIGEST_REALM}:${key.privateKey}`);
      if (sess) ha1 = h(`${ha1}:${nonce}:${cnonce}`);
      const expected = h(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${h(`${method}:${uri}`)}`);
      if (!safeEqual(expected, response.toLowerCase())) return { ok: false, reason: 'wrong-credentials' };
      const entry = nonces.get(nonce);
      if (!entry || now() - entry.issuedAt > ttlMs) return { ok: false, reason: 'stale' };
      const count = nc.toLowerCase();
      if (entry.seen.has(count)) return { ok: false, reason: 'replay' };
      entry.seen.add(count);
      return { ok: true, key };
    },
  };
}
