import {
  isAtlasApiError,
  isAtlasError,
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
import { cacheStatus, type CacheOutcome } from '../cache/cache-status.js';
import type { CacheResult, ProxyBindings, RequestNote } from '../observability/observe.js';
import type { forward } from '../upstream/forward.js';
import { isSnapshotTooLarge } from '../upstream/snapshot.js';
import { isUpstreamUnavailableError } from '../upstream/upstream-errors.js';
import type { UpstreamHealth } from '../upstream/upstream-health.js';
import type { AtlasRouteDeps, CachingPrincipal, SpecBuilder } from './atlas-routes.js';
import { hitFacts } from './hit-path.js';
import type { TokenRefusals } from './token-refusals.js';
import { createVariantAliases } from './variant-aliases.js';
import { headerOf, requestHeaders, type HeaderBag } from './request-headers.js';
import { answerResponse, type Hit, type RequestFacts, type Responder, type ServeSpec } from './respond.js';
import { proxyErrors } from '../http/proxy-errors.js';
import { errorResponse } from './upstream-error.js';

/** What the request handler needs from the proxy's wiring. */
export interface HandlerDeps {
  readonly resolvePrincipal: (authorization: string | undefined) => Principal;
  readonly idOf: (principal: CachingPrincipal) => string;
  readonly responder: Responder;
  readonly clientFor: (principal: CachingPrincipal) => AtlasClient;
  /** Forwards a passthrough request Atlas must see as it is (Digest or no credentials). */
  readonly forwardUpstream: (request: Parameters<typeof forward>[2]) => Promise<Response>;
  /** The shared upstream health policies every fill and forwarded request runs under. */
  readonly health: Pick<UpstreamHealth, 'fill'>;
  readonly publicUrl: string | undefined;
  /** Drops a passthrough partition's entries (upstream refused its token: 401 or 403). */
  readonly evictPartition: (partition: string) => Promise<void>;
  /** 401s remembered per partition, and one upstream call at a time for a token not yet accepted. */
  readonly refusals: TokenRefusals;
  /** Bytes the exact-request aliases may hold. */
  readonly aliasBytes: number;
  readonly onBypass: () => void;
  readonly onUnexpected: (error: unknown) => void;
}

/** A request validated and keyed, ready for the cache. */
interface Prepared {
  readonly principal: CachingPrincipal;
  readonly request: WireRequest;
  readonly facts: RequestFacts;
  /** The exact request's key in the alias map. */
  readonly alias: string;
}

/** The hit path before routing: a `Hit`, a promise of one (or of `undefined`), or `undefined` (route it). */
export type HitBeforeRouting = (
  method: string,
  url: string,
  headers: HeaderBag,
  requestId: string | undefined,
) => Hit | Promise<Hit | undefined> | undefined;

/** The answer to a token upstream refused within the refusal window: Atlas's 401, without asking upstream again. */
function refusedAnswer(): Response {
  return errorResponse(
    proxyErrors.unauthorized(),
    { 'cache-status': cacheStatus({ hit: true, detail: 'token-refused' }) },
    () => undefined,
  );
}

/**
 * The refusal-memory key of a Digest request's user (an API key's public key: not a secret, RFC
 * 7616 §3.4), or `undefined` for any other `Authorization`.
 */
function digestUser(authorization: string | undefined): string | undefined {
  if (authorization === undefined || !/^digest\s/i.test(authorization)) return undefined;
  const user = /(?:^|[\s,])username\s*=\s*"([^"]*)"/i.exec(authorization.slice(7))?.[1];
  return user === undefined || user === '' ? undefined : `digest ${user}`;
}

function searchOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q + 1);
}

/** The cache result of an outcome, as logs and metrics label it. */
function cacheResultOf(outcome: CacheOutcome): CacheResult {
  if (outcome.hit) return outcome.detail === 'stale-while-revalidate' ? 'stale' : 'hit';
  if (outcome.fwd === 'bypass') return 'bypass';
  if (outcome.detail === 'stale-if-error') return 'stale';
  return outcome.collapsed ? 'collapsed' : 'miss';
}

/**
 * The proxy's request handler for the Atlas routes, apart from the wiring. Every request is
 * resolved to its principal (401 first), then validated with core's wire layer in Atlas's order
 * (`Accept` 406, path 400, query 400) and checked against the principal's projects, and keyed by
 * the normalised request: a hit is served from the rendered-body cache with no promise on the
 * memory store; anything else goes to the cache coordinator, whose upstream fills run under the
 * shared upstream health policies (deadline, queue, `Retry-After`, circuit breaker). Passthrough
 * requests without a bearer token are forwarded as they are, under the same policies. The route
 * and cache result are noted for the access log and metrics.
 *
 * `hit` answers a repeated request before routing: once a request was validated and served for a
 * principal, its exact form (principal, URL, `Accept`) is remembered as an alias of its normalised
 * variant (see {@link createVariantAliases}), so the next identical request needs no routing,
 * parsing or validation, only the principal's resolution and the two cache lookups.
 *
 * @example
 * const { handle, hit } = createRequestHandler(deps);
 * registerAtlasRoutes(app, { handle, now, snapshotMaxItems, snapshotConcurrency, oversized });
 */
export function createRequestHandler(deps: HandlerDeps): {
  handle: AtlasRouteDeps['handle'];
  hit: HitBeforeRouting;
  /** Bytes the aliases hold. */
  aliasBytes: () => number;
} {
  const aliases = createVariantAliases(deps.aliasBytes);
  const prepare = (
    c: Context,
    headers: HeaderBag,
    operation: Operation,
    principal: CachingPrincipal,
    note: RequestNote | undefined,
  ): Prepared => {
    const url = c.req.url;
    const accept = headerOf(headers, 'accept');
    const origin = linkOrigin(url, deps.publicUrl);
    const request = parseRequest(operation, {
      pathValues: c.req.param(),
      search: searchOf(url),
      accept,
    });
    const groupId = request.pathValues.groupId;
    if (groupId !== undefined && !mayRead(principal, groupId)) throw wireErrors.groupNotFound(groupId);
    const id = deps.idOf(principal);
    const facts: RequestFacts = {
      ...hitFacts(c.req.method, headers, note?.id),
      origin,
      variant: `${id} ${origin} ${requestKey(request)}`,
      variantBase: `${id} ${origin} ${requestKey(request, ['filter'])}`,
    };
    return { principal, request, facts, alias: aliases.key(id, url, accept) };
  };

  /**
   * Forwards a request as it is. Only a Digest request of an API key Atlas has answered before
   * runs under the shared limits; any other (no credentials, Basic, a malformed Bearer, a Digest
   * user not seen answered) within the unverified budget, so no kind of made-up credentials can
   * take the upstream queue from accepted callers.
   */
  const bypass = async (c: Context, note: RequestNote | undefined, authorization: string | undefined): Promise<Response> => {
    deps.onBypass();
    if (note) note.cache = 'bypass';
    const url = c.req.url;
    const request = {
      method: c.req.method,
      pathAndQuery: url.slice(url.indexOf('/', url.indexOf('//') + 2)),
      headers: c.req.raw.headers,
      origin: linkOrigin(url, deps.publicUrl),
    };
    const digest = digestUser(authorization);
    const forward = async () => {
      const response = await deps.health.fill('forward', (signal) => deps.forwardUpstream({ ...request, signal }));
      if (digest !== undefined && response.status < 400) deps.refusals.accept(digest);
      return response;
    };
    return digest !== undefined && deps.refusals.accepted(digest) ? forward() : deps.refusals.unverified(forward);
  };

  const fail = async (error: unknown, principal: Principal | undefined): Promise<Response> => {
    if (principal?.kind === 'bearer' && isAtlasApiError(error) && (error.status === 401 || error.status === 403)) {
      if (error.status === 401) deps.refusals.refuse(principal.partition);
      await deps.evictPartition(principal.partition);
    }
    const fwd = principal?.kind === 'bypass' ? 'bypass' : 'miss';
    let extra: Record<string, string> = {};
    if (isAtlasError(error)) extra = { 'cache-status': cacheStatus({ fwd }) };
    else if (isUpstreamUnavailableError(error)) extra = { 'cache-status': cacheStatus({ fwd, detail: error.reason }) };
    return errorResponse(error, extra, deps.onUnexpected);
  };

  const full = async (prepared: Prepared, build: SpecBuilder, note: RequestNote | undefined): Promise<Response> => {
    const { principal, request, facts } = prepared;
    const client = deps.clientFor(principal);
    // Every upstream fill runs under the shared health policies, with their signal.
    const guarded = (spec: ServeSpec): ServeSpec => ({
      ...spec,
      fetcher: () => deps.health.fill(principal.partition, (signal) => spec.fetcher(signal)),
    });
    try {
      // A list that turns out larger than a snapshot may be is served again the next way (a
      // restricted token's own view, then page by page): at most two more attempts.
      const serve = async (attempt: number): ReturnType<Responder['respond']> => {
        try {
          return await deps.responder.respond(guarded(build(principal, client, request)), facts);
        } catch (error) {
          if (!isSnapshotTooLarge(error) || attempt >= 2) throw error;
          return serve(attempt + 1);
        }
      };
      const served = await serve(0);
      if (note) note.cache = cacheResultOf(served.outcome);
      if (principal.kind === 'bearer') deps.refusals.accept(principal.partition);
      if (served.response.status === 200) aliases.set(prepared.alias, facts.variant);
      return served.response;
    } catch (error) {
      return fail(error, principal);
    }
  };

  const handle: AtlasRouteDeps['handle'] = (c, operation, build) => {
    const env = c.env as ProxyBindings | undefined;
    const note = env?.note;
    if (note) note.route = operation.operationId;
    const headers = requestHeaders(c.req.raw, env);
    let principal: Principal | undefined;
    let prepared: Prepared;
    try {
      const authorization = headerOf(headers, 'authorization');
      principal = deps.resolvePrincipal(authorization);
      if (principal.kind === 'bypass') {
        const caller = principal;
        return bypass(c, note, authorization).catch((error: unknown) => fail(error, caller));
      }
      if (principal.kind === 'bearer' && deps.refusals.refused(principal.partition)) return refusedAnswer();
      prepared = prepare(c, headers, operation, principal, note);
    } catch (error) {
      return fail(error, principal);
    }
    // A memory hit never makes a promise; anything else takes the full path.
    const hot = deps.responder.hit(prepared.facts.variant, prepared.facts);
    if (hot === undefined) return upstream(prepared, build, note);
    if (!(hot instanceof Promise)) return servedHit(hot, note, prepared);
    return hot.then(
      (found) => (found ? servedHit(found, note, prepared) : upstream(prepared, build, note)),
      () => upstream(prepared, build, note),
    );
  };

  /** The full path; for a passthrough token upstream has not accepted yet, one request at a time. */
  const upstream = (prepared: Prepared, build: SpecBuilder, note: RequestNote | undefined): Promise<Response> => {
    const { principal } = prepared;
    if (principal.kind !== 'bearer') return full(prepared, build, note);
    // The unverified budget's refusal (queue-full) is answered like the upstream queue's.
    return deps.refusals
      .probe(principal.partition, () => full(prepared, build, note), refusedAnswer)
      .catch((error: unknown) => fail(error, principal));
  };

  const servedHit = (hit: Hit, note: RequestNote | undefined, prepared: Prepared): Response => {
    if (note) {
      note.cache = 'hit';
      note.idSent = true;
    }
    aliases.set(prepared.alias, prepared.facts.variant);
    return answerResponse(hit.answer);
  };

  const hit: HitBeforeRouting = (method, url, headers, requestId) => {
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    try {
      const principal = deps.resolvePrincipal(headerOf(headers, 'authorization'));
      if (principal.kind === 'bypass') return undefined;
      const variant = aliases.get(aliases.key(deps.idOf(principal), url, headerOf(headers, 'accept')));
      return variant === undefined ? undefined : deps.responder.hit(variant, hitFacts(method, headers, requestId));
    } catch {
      // The full path raises the same error in its usual order.
      return undefined;
    }
  };

  return { handle, hit, aliasBytes: aliases.bytes };
}
