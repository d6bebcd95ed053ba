import {
  linkOrigin,
  parseRequest,
  requestKey,
  wireErrors,
  type AtlasClient,
  type Operation,
  type WireRequest,
} from '@atlas-checkpoints/core';
import type { Context } from 'hono';
import { mayRead, type Principal } from '../auth/principal.js';
import { cacheStatus } from '../cache/cache-status.js';
import type { forward } from '../upstream/forward.js';
import { isSnapshotTooLarge } from '../upstream/snapshot.js';
import type { AtlasRouteDeps, CachingPrincipal, SpecBuilder } from './atlas-routes.js';
import { hitFacts } from './hit-path.js';
import type { RequestFacts, Responder } from './respond.js';
import { errorResponse } from './upstream-error.js';

/** What the request handler needs from the proxy's wiring. */
export interface HandlerDeps {
  readonly resolvePrincipal: (authorization: string | undefined) => Principal;
  readonly idOf: (principal: CachingPrincipal) => string;
  readonly responder: Responder;
  readonly clientFor: (principal: CachingPrincipal) => AtlasClient;
  /** Forwards a passthrough request Atlas must see as it is (Digest or no credentials). */
  readonly forwardUpstream: (request: Parameters<typeof forward>[2]) => Promise<Response>;
  readonly publicUrl: string | undefined;
  readonly upstreamTimeoutMs: number;
  readonly evictPartition: (partition: string) => Promise<void>;
  readonly onBypass: () => void;
  readonly onUnexpected: (error: unknown) => void;
  readonly countRequest: (operationId: string, status: number) => void;
}

/** A request validated and keyed, ready for the cache. */
interface Prepared {
  readonly principal: CachingPrincipal;
  readonly request: WireRequest;
  readonly facts: RequestFacts;
}

function searchOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q + 1);
}

function isUnauthorized(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'AtlasApiError' && (error as { status?: number }).status === 401;
}

/**
 * The proxy's request handler for the Atlas routes. Every request is resolved to its principal
 * (401 first), then validated with core's wire layer in Atlas's order (`Accept` 406, path 400,
 * query 400) and checked against the principal's projects, and keyed by the normalised request:
 * a hit is served from the rendered-body cache with no promise on the memory store; anything else
 * goes to the cache coordinator and upstream. Passthrough requests without a bearer token are
 * forwarded as they are.
 *
 * @example
 * const handle = createRequestHandler(deps);
 * registerAtlasRoutes(app, { handle, now, snapshotMaxItems, snapshotConcurrency, oversized });
 */
export function createRequestHandler(deps: HandlerDeps): AtlasRouteDeps['handle'] {
  const prepare = (c: Context, operation: Operation, principal: CachingPrincipal): Prepared => {
    const url = c.req.url;
    const origin = linkOrigin(url, deps.publicUrl);
    const request = parseRequest(operation, {
      pathValues: c.req.param(),
      search: searchOf(url),
      accept: c.req.header('accept'),
    });
    const groupId = request.pathValues.groupId;
    if (groupId !== undefined && !mayRead(principal, groupId)) throw wireErrors.groupNotFound(groupId);
    const id = deps.idOf(principal);
    const facts: RequestFacts = {
      ...hitFacts(c),
      origin,
      variant: `${id} ${origin} ${requestKey(request)}`,
      variantBase: `${id} ${origin} ${requestKey(request, ['filter'])}`,
    };
    return { principal, request, facts };
  };

  const bypass = async (c: Context): Promise<Response> => {
    deps.onBypass();
    const url = c.req.url;
    return deps.forwardUpstream({
      method: c.req.method,
      pathAndQuery: url.slice(url.indexOf('/', url.indexOf('//') + 2)),
      headers: c.req.raw.headers,
      origin: linkOrigin(url, deps.publicUrl),
      timeoutMs: deps.upstreamTimeoutMs,
    });
  };

  const fail = async (error: unknown, principal: Principal | undefined): Promise<Response> => {
    if (principal?.kind === 'bearer' && isUnauthorized(error)) await deps.evictPartition(principal.partition);
    const forwarded = principal?.kind === 'bypass' ? 'bypass' : 'miss';
    const fwd = (error as { name?: string }).name?.startsWith('Atlas') ? { 'cache-status': cacheStatus({ fwd: forwarded }) } : {};
    return errorResponse(error, fwd, deps.onUnexpected);
  };

  const full = async (prepared: Prepared, build: SpecBuilder): Promise<Response> => {
    const { principal, request, facts } = prepared;
    const client = deps.clientFor(principal);
    try {
      try {
        return (await deps.responder.respond(build(principal, client, request), facts)).response;
      } catch (error) {
        if (!isSnapshotTooLarge(error)) throw error;
        return (await deps.responder.respond(build(principal, client, request), facts)).response;
      }
    } catch (error) {
      return fail(error, principal);
    }
  };

  return (c, operation, build) => {
    const counted = (response: Response) => {
      deps.countRequest(operation.operationId, response.status);
      return response;
    };
    let principal: Principal | undefined;
    let prepared: Prepared;
    try {
      principal = deps.resolvePrincipal(c.req.header('authorization'));
      if (principal.kind === 'bypass') {
        const caller = principal;
        return bypass(c).then(counted, (error: unknown) => fail(error, caller).then(counted));
      }
      prepared = prepare(c, operation, principal);
    } catch (error) {
      return fail(error, principal).then(counted);
    }
    // A memory hit never makes a promise; anything else takes the full path.
    const hot = deps.responder.hit(prepared.facts.variant, prepared.facts);
    if (hot === undefined) return full(prepared, build).then(counted);
    if (!(hot instanceof Promise)) return counted(hot);
    return hot.then(
      (response) => (response ? counted(response) : full(prepared, build).then(counted)),
      () => full(prepared, build).then(counted),
    );
  };
}
