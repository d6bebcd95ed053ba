import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { CacheStore } from '../cache/store.js';
import { checkPathValues, isWireError, OPERATIONS, wireErrors, type WireError } from '@atlas-checkpoints/core';
import { purgeGlob, UNSCOPED_GLOB } from '../cache/keys.js';
import { proxyErrors, wireErrorAnswer } from '../http/proxy-errors.js';
import { bearerToken } from '../auth/principal.js';
import type { ProxyMetrics } from '../observability/metrics.js';

/** What the operational routes need. */
export interface OpsDeps {
  readonly store: CacheStore;
  readonly metrics: ProxyMetrics;
  readonly openapi: () => unknown;
  readonly adminToken?: string | undefined;
  /** Whether upstream answered recently (any HTTP status counts). */
  readonly upstreamReachable: () => Promise<boolean>;
  readonly onPurge?: (scope: { groupId: string; clusterName?: string | undefined; purged: number }) => void;
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
 * registerOpsRoutes(app, { store, metrics, openapi: () => doc, upstreamReachable: async () => true });
 */
export function registerOpsRoutes(app: Hono, deps: OpsDeps): void {
  app.get('/healthz', () => new Response('{"status":"ok"}', { headers: jsonType() }));

  app.get('/readyz', async () => {
    const [cache, upstream] = await Promise.all([deps.store.ping(), deps.upstreamReachable()]);
    deps.metrics.redisUp.set(cache ? 1 : 0);
    const status = !upstream ? 'unavailable' : cache ? 'ready' : 'degraded';
    const body = JSON.stringify({
      cache: cache ? 'up' : 'down',
      cacheKind: deps.store.kind,
      status,
      upstream: upstream ? 'up' : 'down',
    });
    return new Response(body, { status: upstream ? 200 : 503, headers: jsonType() });
  });

  app.get('/metrics', async () => {
    deps.metrics.redisUp.set(deps.store.healthy() ? 1 : 0);
    return new Response(await deps.metrics.registry.metrics(), {
      headers: { 'content-type': deps.metrics.registry.contentType },
    });
  });

  app.get('/openapi.json', () => new Response(JSON.stringify(deps.openapi()), { headers: jsonType() }));

  app.post('/admin/purge', async (c) => {
    const token = bearerToken(c.req.header('authorization'));
    if (deps.adminToken === undefined) return errorOf(wireErrors.resourceNotFound(c.req.path));
    if (token === undefined || !sameSecret(token, deps.adminToken)) return errorOf(proxyErrors.unauthorized());
    const length = Number(c.req.header('content-length') ?? '0');
    if (!(length <= 4096)) return errorOf(proxyErrors.payloadTooLarge(4096));
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
