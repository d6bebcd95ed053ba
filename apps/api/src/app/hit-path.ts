import type { Context } from 'hono';
import type { Principal } from '../auth/principal.js';
import type { HitFacts, Responder } from './respond.js';

type CachingPrincipal = Principal & { kind: 'proxy' | 'bearer' };

/**
 * Names the rendered variants of a principal: a passthrough principal is its HMAC partition, a
 * proxy principal (one object per token, fixed for the process) a short id of its own.
 *
 * @example
 * const idOf = createPrincipalIds();
 * const variant = `${idOf(principal)} ${c.req.url}`;
 */
export function createPrincipalIds(): (principal: CachingPrincipal) => string {
  const ids = new WeakMap<Principal, string>();
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
    accept: req.header('accept'),
    ifNoneMatch: req.header('if-none-match'),
    acceptEncoding: req.header('accept-encoding'),
    head: req.method === 'HEAD',
  };
}

/**
 * The hit path: a variant this principal got for this URL before was rendered after its path,
 * authorization and query passed; only `Accept` may differ, so it is the one check made again.
 * Answers synchronously on a memory hit, a promise with an async store, and `undefined` (take
 * the full path, which also raises any error in its usual order) otherwise.
 *
 * @example
 * const hit = createHitPath({ resolvePrincipal, responder, idOf });
 * const hot = hit(c); // Response | Promise<Response | undefined> | undefined
 */
export function createHitPath(deps: {
  readonly resolvePrincipal: (authorization: string | undefined) => Principal;
  readonly responder: Pick<Responder, 'hit'>;
  readonly idOf: (principal: CachingPrincipal) => string;
}) {
  return (c: Context): Response | Promise<Response | undefined> | undefined => {
    try {
      const principal = deps.resolvePrincipal(c.req.header('authorization'));
      if (principal.kind === 'bypass') return undefined;
      return deps.responder.hit(`${deps.idOf(principal)} ${c.req.url}`, hitFacts(c));
    } catch {
      return undefined;
    }
  };
}
