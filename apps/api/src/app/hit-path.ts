import type { Context } from 'hono';
import type { CachingPrincipal } from './atlas-routes.js';
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

/** The request headers a hit depends on. */
export function hitFacts(c: Context): HitFacts {
  const { req } = c;
  return {
    ifNoneMatch: req.header('if-none-match'),
    acceptEncoding: req.header('accept-encoding'),
    head: req.method === 'HEAD',
  };
}
