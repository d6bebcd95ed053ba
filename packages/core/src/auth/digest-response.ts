import { createHash } from 'node:crypto';
import type { DigestAlgorithm, DigestChallenge } from './digest-challenge.js';

/** Everything one Digest `Authorization` value is computed from. */
export interface DigestInput {
  readonly challenge: DigestChallenge;
  readonly username: string;
  readonly password: string;
  readonly method: string;
  /** The request target: path and query of the request URL. */
  readonly uri: string;
  /** The nonce count, 1-based. */
  readonly nc: number;
  /** The client nonce (random hex in use; fixed in the RFC test vectors). */
  readonly cnonce: string;
}

/**
 * Computes the `response` value of RFC 7616 §3.4.1 (and the RFC 2069 form when the challenge has no qop).
 *
 * @example
 * digestResponse({ challenge, username: 'Mufasa', password: 'Circle of Life', method: 'GET', uri: '/dir/index.html', nc: 1, cnonce })
 */
export function digestResponse(input: DigestInput): string {
  const { challenge, username, password, method, uri, cnonce } = input;
  const h = hasher(challenge.algorithm);
  let ha1 = h(`${username}:${challenge.realm}:${password}`);
  if (challenge.algorithm.endsWith('-sess')) ha1 = h(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = h(`${method}:${uri}`);
  if (challenge.qop === undefined) return h(`${ha1}:${challenge.nonce}:${ha2}`);
  return h(`${ha1}:${challenge.nonce}:${formatNc(input.nc)}:${cnonce}:${challenge.qop}:${ha2}`);
}

/**
 * The full `Authorization: Digest …` value for one request.
 *
 * @example
 * await fetch(url, { headers: { Authorization: digestAuthorization(input) } });
 */
export function digestAuthorization(input: DigestInput): string {
  const { challenge } = input;
  const username = challenge.userhash ? hasher(challenge.algorithm)(`${input.username}:${challenge.realm}`) : input.username;
  const parts = [`username=${quote(username)}`, `realm=${quote(challenge.realm)}`, `uri=${quote(input.uri)}`];
  if (challenge.algorithmToken !== undefined) parts.push(`algorithm=${challenge.algorithmToken}`);
  parts.push(`nonce=${quote(challenge.nonce)}`);
  if (challenge.qop !== undefined)
    parts.push(`nc=${formatNc(input.nc)}`, `cnonce=${quote(input.cnonce)}`, `qop=${challenge.qop}`);
  parts.push(`response=${quote(digestResponse(input))}`);
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  if (challenge.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

/** The nonce count as 8 lower-case hex digits. */
export function formatNc(nc: number): string {
  return nc.toString(16).padStart(8, '0');
}

const NODE_HASH: Record<string, string> = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };

function hasher(algorithm: DigestAlgorithm): (text: string) => string {
  const name = NODE_HASH[algorithm.replace(/-sess$/, '')] ?? 'md5';
  return (text) => createHash(name).update(text, 'utf8').digest('hex');
}

function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
