import type { CachingPrincipal } from './atlas-routes.js';
import { headerOf, type HeaderBag } from './request-headers.js';
import type { HitFacts } from './respond.js';

/**
 * Names the rendered variants of a principal: a passthrough principal is its HMAC partition, a
 * proxy principal (one object per token, fixed for the process) a short id of its own.
 *
 * @example
 * const idOf = createPrincipalIds();
 * const variant = `${idOf(principal)} ${origin} ${requestKey(request)}`;
 */
export function createPrincipalIds(): (principal: CachingPrincipal) => string {
  const ids = new WeakMap<CachingPrincipal, string>();
  let next = 0;
  return (principal) => {
    if (principal.kind === 'bearer') return principal.partition;
    let id = ids.get(principal);
    if (id === undefined) {
      id = `p${next++}`;
      ids.set(principal, id);
    }
    return id;
  };
}

/** The request headers a hit depends on, and the request id the response carries. */
export function hitFacts(method: string, headers: HeaderBag, requestId?: string): HitFacts {
  return {
    ifNoneMatch: headerOf(headers, 'if-none-match'),
    acceptEncoding: headerOf(headers, 'accept-encoding'),
    head: method === 'HEAD',
    requestId,
  };
}
