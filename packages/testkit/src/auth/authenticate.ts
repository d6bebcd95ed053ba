import type { Principal } from '../fake/context.js';
import { wireErrors } from '@atlas-checkpoints/core';
import { digestChallenge } from './digest-header.js';
import type { DigestVerifier } from './digest-verifier.js';
import type { TokenStore } from './token-store.js';

/** The auth machinery of one fake: either side may be absent. */
export interface Authenticator {
  readonly digest: DigestVerifier | undefined;
  readonly tokens: TokenStore | undefined;
}

/**
 * Authenticates an API request or throws Atlas's 401 (with a Digest challenge when Digest is on):
 * no credentials → UNAUTHORIZED; a wrong key → UNEXPECTED_ERROR; an expired nonce → `stale=true`.
 *
 * @example
 * const principal = authenticate(auth, request.headers.get('authorization') ?? undefined, 'GET', '/api/atlas/v2/groups');
 */
export function authenticate(auth: Authenticator, header: string | undefined, method: string, requestUri: string): Principal {
  const challenge = (stale: boolean): Record<string, string> =>
    auth.digest ? { 'WWW-Authenticate': digestChallenge(auth.digest.issueNonce(), stale) } : {};
  const scheme = header?.split(' ')[0]?.toLowerCase();
  if (header && scheme === 'digest' && auth.digest) {
    const result = auth.digest.verify(header, method, requestUri);
    if (result.ok) return { scheme: 'digest', id: result.key.publicKey, groupIds: result.key.groupIds };
    if (result.reason === 'stale') throw wireErrors.unauthorized(challenge(true));
    if (result.reason === 'wrong-credentials') throw wireErrors.wrongCredentials(challenge(false));
    throw wireErrors.unauthorized(challenge(false));
  }
  if (header && scheme === 'bearer' && auth.tokens) {
    const result = auth.tokens.check(header.slice(7).trim());
    if (result.ok) return { scheme: 'bearer', id: result.account.clientId, groupIds: result.account.groupIds };
    throw wireErrors.unauthorized({
      ...challenge(false),
      ...(auth.digest ? {} : { 'WWW-Authenticate': 'Bearer error="invalid_token"' }),
    });
  }
  throw wireErrors.unauthorized(challenge(false));
}
