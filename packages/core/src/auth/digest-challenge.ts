import type { AuthChallenge } from './www-authenticate.js';
import { parseWwwAuthenticate } from './www-authenticate.js';

/** Digest algorithms this client computes, strongest first (RFC 7616 §6.1). */
const DIGEST_ALGORITHMS = ['SHA-512-256', 'SHA-512-256-sess', 'SHA-256', 'SHA-256-sess', 'MD5', 'MD5-sess'] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

/** A usable `Digest` challenge. */
export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly opaque: string | undefined;
  readonly algorithm: DigestAlgorithm;
  /** The `algorithm` token exactly as the server spelled it, echoed back; undefined when absent (MD5). */
  readonly algorithmToken: string | undefined;
  /** `auth` when the server offers qop=auth; undefined for a legacy RFC 2069 challenge without qop. */
  readonly qop: 'auth' | undefined;
  readonly stale: boolean;
  readonly userhash: boolean;
}

/**
 * Reads a Digest challenge, or `undefined` when it is not one this client can answer (no nonce,
 * an unknown algorithm, or a qop list without `auth`).
 *
 * @example
 * toDigestChallenge({ scheme: 'digest', params: { realm: 'r', nonce: 'n', qop: 'auth' } })?.algorithm // 'MD5'
 */
function toDigestChallenge(challenge: AuthChallenge): DigestChallenge | undefined {
  if (challenge.scheme !== 'digest') return undefined;
  const { realm, nonce, opaque, algorithm, qop, stale, userhash } = challenge.params;
  if (!nonce) return undefined;
  const known = DIGEST_ALGORITHMS.find((name) => name.toLowerCase() === (algorithm ?? 'MD5').toLowerCase());
  if (!known) return undefined;
  let chosenQop: 'auth' | undefined;
  if (qop !== undefined) {
    const offered = qop.split(',').map((q) => q.trim().toLowerCase());
    if (!offered.includes('auth')) return undefined;
    chosenQop = 'auth';
  }
  return {
    realm: realm ?? '',
    nonce,
    opaque,
    algorithm: known,
    algorithmToken: algorithm,
    qop: chosenQop,
    stale: stale?.toLowerCase() === 'true',
    userhash: userhash?.toLowerCase() === 'true',
  };
}

/**
 * Picks the strongest Digest challenge this client can answer from a `WWW-Authenticate` value
 * (SHA-512-256 over SHA-256 over MD5; the plain variant over `-sess`; the first on a tie).
 *
 * @example
 * selectDigestChallenge(response.headers.get('www-authenticate') ?? '')?.nonce
 */
export function selectDigestChallenge(header: string): DigestChallenge | undefined {
  let best: DigestChallenge | undefined;
  for (const challenge of parseWwwAuthenticate(header)) {
    const digest = toDigestChallenge(challenge);
    if (digest && (!best || rank(digest) < rank(best))) best = digest;
  }
  return best;
}

function rank(challenge: DigestChallenge): number {
  return DIGEST_ALGORITHMS.indexOf(challenge.algorithm);
}
