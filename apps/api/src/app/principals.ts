import { randomBytes } from 'node:crypto';
import { bearerToken, matchToken, partitionOf, proxyPrincipal, type Principal } from '../auth/principal.js';
import { proxyErrors } from '../http/proxy-errors.js';
import type { ProxyOptions } from './options.js';

const OPEN: Principal = { kind: 'proxy', name: 'anonymous', partition: 'proxy', projects: 'all' };

/**
 * Resolves a request's `Authorization` header to a principal, or throws the 401 Atlas gives.
 * Proxy mode: a proxy token (or nobody when no tokens are configured). Passthrough: a bearer
 * token becomes an HMAC partition; Digest or no credentials are forwarded as they are.
 *
 * @example
 * const resolve = createPrincipalResolver(options);
 * const principal = resolve(c.req.header('authorization'));
 */
export function createPrincipalResolver(options: Pick<ProxyOptions, 'authMode' | 'tokens' | 'partitionKey'>) {
  const key = options.partitionKey ?? randomBytes(32);
  const tokens = options.tokens;
  const principals = new Map(tokens?.map((token) => [token, proxyPrincipal(token)]));
  return (authorization: string | undefined): Principal => {
    if (options.authMode === 'passthrough') {
      const token = bearerToken(authorization);
      return token === undefined ? { kind: 'bypass' } : { kind: 'bearer', partition: partitionOf(key, token), token };
    }
    if (tokens === undefined) return OPEN;
    const token = bearerToken(authorization);
    const match = token === undefined ? undefined : matchToken(tokens, token);
    if (!match) throw proxyErrors.unauthorized();
    return principals.get(match) ?? proxyPrincipal(match);
  };
}
