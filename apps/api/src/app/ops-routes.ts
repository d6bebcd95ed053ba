import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { CacheStore } from '../cache/store.js';
import { checkPathValues, isWireError, OPERATIONS, wireErrors, type WireError } from '@atlas-checkpoints/core';
import { purgeGlob, UNSCOPED_GLOB } from '../cache/keys.js';
import { proxyErrors, wireErrorAnswer } from '../http/proxy-errors.js';
import { bearerToken } from '../auth/principal.js';
import type { ProxyMetrics } from '../observability/metrics.js';
import type { ProxyBindings } from '../observability/observe.js';
import type { Readiness } from './readiness.js';

/** What the operational routes need. */
export interface OpsDeps {
  readonly store: CacheStore;
  readonly metrics: ProxyMetrics;
  readonly openapi: () => unknown;
  readonly adminToken?: string | undefined;
  /** What `/readyz` answers. */
  readonly readiness: Pick<Readiness, 'report'>;
  /** Bearer token `/metrics` requires; without one it is open. */
  readonly metricsToken?: string | undefined;
  /** Whether `/metrics` is served here (false when it has a port of its own). */
  readonly metricsOnMainPort?: boolean | undefined;
  readonly onPurge?: (scope: { groupId: string; clusterName?: string | undefined; purged: number }) => void;
}

/** Bytes a purge request body may hold. */
const PURGE_BODY_LIMIT = 4096;

/** Names the route of an operational request for the access log and metrics. */
function named(c: Context, route: string): void {
  const note = (c.env as ProxyBindings | undefined)?.note;
  if (note) note.route = route;
}

/**
 * The Prometheus text of `metrics`, or the 401 Atlas-shaped answer when `token` is set and the
 * request does not carry it as a bearer token.
 *
 * @example
 * app.get('/metrics', (c) => metricsResponse(metrics, token, c.req.header('authorization')));
 */
async function metricsResponse(
  metrics: ProxyMetrics,
  token: string | undefined,
  authorization: string | undefined,
): Promise<Response> {
  if (token !== undefined) {
    const presented = bearerToken(authorization);
    if (presented === undefined || !sameSecret(presented, token)) return errorOf(proxyErrors.unauthorized());
  }
  return new Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } });
}

/** A fresh headers object per response: @hono/node-server writes `content-length` into the init it is given. */
const jsonType = () => ({ 'content-type': 'application/json' });

function sameSecret(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * The Atlas-shaped 405 for `method` on a path served with other methods only, with the `Allow`
 * RFC 9110 §15.5.6 requires: `GET, HEAD` (core's `wireErrors.methodNotAllowed`) unless `allow`
 * says otherwise.
 *
 * @example
 * app.all('/admin/purge', (c) => methodNotAllowed(c.req.method, 'POST'));
 */
function methodNotAllowed(method: string, allow?: string): Response {
  return wireErrorAnswer(wireErrors.methodNotAllowed(method), allow === undefined ? {} : { allow });
}

/**
 * What the port of `/metrics` alone (`--metrics-port`) answers: `GET /metrics` (HEAD too), the
 * Atlas-shaped 405 with `Allow: GET, HEAD` for any other method on it (RFC 9110 §15.5.6), and 404
 * for every other path.
 *
 * @example
 * await startServer(metricsOnly(proxy.metrics, token), { port: 9090, host: '0.0.0.0' });
 */
export function metricsOnly(metrics: ProxyMetrics, token: string | undefined) {
  return (request: Request): Promise<Response> | Response => {
    const path = new URL(request.url).pathname;
    if (path !== '/metrics') return errorOf(wireErrors.resourceNotFound(path));
    // Node sends no body in answer to HEAD.
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(request.method);
    return metricsResponse(metrics, token, request.headers.get('authorization') ?? undefined);
  };
}

/**
 * `GET /healthz`, `GET /readyz`, `GET /metrics`, `GET /openapi.json` and `POST /admin/purge`
 * (HEAD with each GET); any other method on these paths gets the Atlas-shaped 405 with their
 * `Allow` (RFC 9110 §15.5.6), as the Atlas paths do (`/admin/purge` only when it is served: an
 * admin token is set).
 *
 * @example
 * registerOpsRoutes(app, { store, metrics, readiness, openapi: () => doc });
 */
export function registerOpsRoutes(app: Hono, deps: OpsDeps): void {
  app.get('/healthz', (c) => {
    named(c, 'healthz');
    return new Response('{"status":"ok"}', { headers: jsonType() });
  });
  app.all('/healthz', (c) => methodNotAllowed(c.req.method));

  app.get('/readyz', async (c) => {
    named(c, 'readyz');
    const { status, body } = await deps.readiness.report();
    deps.metrics.redisUp.set(body.cache === 'up' ? 1 : 0);
    return new Response(JSON.stringify(body), { status, headers: jsonType() });
  });
  app.all('/readyz', (c) => methodNotAllowed(c.req.method));

  if (deps.metricsOnMainPort !== false) {
    app.get('/metrics', (c) => {
      named(c, 'metrics');
      deps.metrics.redisUp.set(deps.store.healthy() ? 1 : 0);
      return metricsResponse(deps.metrics, deps.metricsToken, c.req.header('authorization'));
    });
    app.all('/metrics', (c) => methodNotAllowed(c.req.method));
  }

  app.get('/openapi.json', (c) => {
    named(c, 'openapi');
    return new Response(JSON.stringify(deps.openapi()), { headers: jsonType() });
  });
  app.all('/openapi.json', (c) => methodNotAllowed(c.req.method));

  // The token first, then the body limit (Hono's bodyLimit: `Content-Length`, and a chunked body counted as it streams).
  const authorizePurge = createMiddleware(async (c, next) => {
    named(c, 'purge');
    const token = bearerToken(c.req.header('authorization'));
    if (deps.adminToken === undefined) return errorOf(wireErrors.resourceNotFound(c.req.path));
    if (token === undefined || !sameSecret(token, deps.adminToken)) return errorOf(proxyErrors.unauthorized());
    await next();
    return undefined;
  });
  const purgeBodyLimit = bodyLimit({
    maxSize: PURGE_BODY_LIMIT,
    onError: () => errorOf(proxyErrors.payloadTooLarge(PURGE_BODY_LIMIT)),
  });
  app.post('/admin/purge', authorizePurge, purgeBodyLimit, async (c) => {
    let scope: { groupId?: unknown; clusterName?: unknown };
    try {
      scope = await c.req.json<typeof scope>();
    } catch {
      return errorOf(proxyErrors.invalidJson());
    }
    if (typeof scope !== 'object' || scope === null || typeof scope.groupId !== 'string')
      return errorOf(wireErrors.invalidAttribute('groupId'));
    if (scope.clusterName !== undefined && typeof scope.clusterName !== 'string')
      return errorOf(wireErrors.invalidAttribute('clusterName'));
    const groupId = scope.groupId;
    const clusterName = scope.clusterName;
    try {
      // The purge scope is a project or a cluster: validated like the path parameters of the same name.
      const { pathParameters } = OPERATIONS.listGroupClusterBackupCheckpoints;
      checkPathValues(clusterName === undefined ? { pathParameters: { groupId: pathParameters.groupId } } : { pathParameters }, {
        groupId,
        clusterName,
      });
    } catch (error) {
      if (!isWireError(error)) throw error;
      return errorOf(error);
    }
    const purged = await deps.store.deleteMatching(purgeGlob(groupId, clusterName));
    // The projects list spans every project: drop it too.
    const lists = clusterName === undefined ? await deps.store.deleteMatching(UNSCOPED_GLOB) : 0;
    deps.onPurge?.({ groupId, clusterName, purged: purged + lists });
    return new Response(JSON.stringify({ purged: purged + lists }), { headers: jsonType() });
  });
  // Not served without an admin token: 404 for every method then, as for POST.
  app.all('/admin/purge', (c) =>
    deps.adminToken === undefined ? errorOf(wireErrors.resourceNotFound(c.req.path)) : methodNotAllowed(c.req.method, 'POST'),
  );
}

function errorOf(error: WireError): Response {
  return wireErrorAnswer(error);
}
