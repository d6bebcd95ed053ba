import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ProxyToken } from './tokens-file.js';

/** Who is asking, as far as the cache and upstream are concerned. */
export type Principal =
  /** Proxy mode (or demo): the proxy's own upstream credential; `projects` limits what this caller sees. */
  | { readonly kind: 'proxy'; readonly name: string; readonly partition: 'proxy'; readonly projects: ReadonlySet<string> | 'all' }
  /** Passthrough with a bearer token: forwarded, cached under an HMAC of the token. */
  | { readonly kind: 'bearer'; readonly partition: string; readonly token: string }
  /** Passthrough with Digest or nothing: forwarded as is, never cached. */
  | { readonly kind: 'bypass' };

/**
 * Finds the proxy token whose SHA-256 matches the presented bearer token, comparing every digest
 * with `crypto.timingSafeEqual` (no early exit).
 *
 * @example
 * const match = matchToken(tokens, 'secret-token');
 */
export function matchToken(tokens: readonly ProxyToken[], token: string): ProxyToken | undefined {
  const digest = createHash('sha256').update(token).digest();
  let found: ProxyToken | undefined;
  for (const candidate of tokens) {
    const expected = Buffer.from(candidate.sha256, 'hex');
    if (expected.length === digest.length && timingSafeEqual(expected, digest) && found === undefined) found = candidate;
  }
  return found;
}

/** Reads the bearer token from an `Authorization` header, if it is one. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header || header.length > 8192) return undefined;
  const match = /^Bearer[ ]+([\x21-\x7e]+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * The cache partition of a passthrough token: a keyed hash (HMAC-SHA256), never the token.
 *
 * @example
 * partitionOf(key, token) // 't' + 32 hex digits
 */
export function partitionOf(key: Uint8Array, token: string): string {
  return `t${createHmac('sha256', key).update(token).digest('hex').slice(0, 32)}`;
}

/** Whether a principal may read a project. */
export function mayRead(principal: Principal, groupId: string): boolean {
  if (principal.kind !== 'proxy') return true;
  return principal.projects === 'all' || principal.projects.has(groupId);
}

/** The principal of a proxy token. */
export function proxyPrincipal(token: ProxyToken): Principal {
  return {
    kind: 'proxy',
    name: token.name,
    partition: 'proxy',
    projects: token.projects.includes('*') ? 'all' : new Set(token.projects),
  };
}
