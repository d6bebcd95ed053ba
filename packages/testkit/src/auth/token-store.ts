import { randomBytes } from 'node:crypto';
import type { FakeServiceAccount } from './types.js';

/** Outcome of checking a bearer token. */
type TokenCheck =
  | { readonly ok: true; readonly account: FakeServiceAccount }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'revoked' };

/** Issued OAuth access tokens. */
export interface TokenStore {
  issue(account: FakeServiceAccount): { token: string; expiresIn: number };
  check(token: string): TokenCheck;
  revoke(token: string, clientId: string): void;
  /** Expires every token now (for tests of refresh). */
  expireAll(): void;
}

const MAX_TOKENS = 10_000;

/**
 * Issues random bearer tokens valid for `ttlSeconds` on the injected clock; revocation is per client.
 *
 * @example
 * const tokens = createTokenStore(3600, Date.now);
 * tokens.check(tokens.issue(account).token).ok; // true
 */
export function createTokenStore(ttlSeconds: number, now: () => number): TokenStore {
  const tokens = new Map<string, { account: FakeServiceAccount; expiresAt: number; revoked: boolean }>();
  return {
    issue(account) {
      if (tokens.size >= MAX_TOKENS)
        for (const [token, entry] of tokens) if (entry.expiresAt <= now() || entry.revoked) tokens.delete(token);
      const token = randomBytes(32).toString('base64url');
      tokens.set(token, { account, expiresAt: now() + ttlSeconds * 1000, revoked: false });
      return { token, expiresIn: ttlSeconds };
    },
    check(token) {
      const entry = tokens.get(token);
      if (!entry) return { ok: false, reason: 'unknown' };
      if (entry.revoked) return { ok: false, reason: 'revoked' };
      if (entry.expiresAt <= now()) return { ok: false, reason: 'expired' };
      return { ok: true, account: entry.account };
    },
    revoke(token, clientId) {
      const entry = tokens.get(token);
      if (entry && entry.account.clientId === clientId) entry.revoked = true;
    },
    expireAll() {
      for (const entry of tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, now());
    },
  };
}
