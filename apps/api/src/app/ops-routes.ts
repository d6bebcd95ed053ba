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
export async function metricsResponse(
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
 * `GET /healthz`, `GET /readyz`, `GET /metrics`, `GET /openapi.json` and `POST /admin/purge`.
 *
 * @example
 * registerOpsRoutes(app, { store, metrics, readiness, openapi: () => doc });
 */
export function registerOpsRoutes(app: Hono, deps: OpsDeps): void {
  app.get('/healthz', (c) => {
    named(c, 'healthz');
    return new Response('{"status":"ok"}', { headers: jsonType() });
  });

  app.get('/readyz', async (c) => {
    named(c, 'readyz');
    const { status, body } = await deps.readiness.report();
    deps.metrics.redisUp.set(body.cache === 'up' ? 1 : 0);
    return new Response(JSON.stringify(body), { status, headers: jsonType() });
  });

  if (deps.metricsOnMainPort !== false) {
    app.get('/metrics', (c) => {
      named(c, 'metrics');
      deps.metrics.redisUp.set(deps.store.healthy() ? 1 : 0);
      return metricsResponse(deps.metrics, deps.metricsToken, c.req.header('authorization'));
    });
  }

  app.get('/openapi.json', (c) => {
    named(c, 'openapi');
    return new Response(JSON.stringify(deps.openapi()), { headers: jsonType() });
  });

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
}

function errorOf(error: WireError): Response {
  return wireErrorAnswer(error);
}
