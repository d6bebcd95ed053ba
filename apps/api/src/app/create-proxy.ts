import { OPERATION_LIST, routePattern, wireErrors } from '@atlas-checkpoints/core';
import { Hono } from 'hono';
import { LRUCache } from 'lru-cache';
import { pino } from 'pino';
import { cacheStatus } from '../cache/cache-status.js';
import { createCoordinator } from '../cache/coordinator.js';
import { partitionGlob } from '../cache/keys.js';
import { wireErrorAnswer } from '../http/proxy-errors.js';
import { createMetrics } from '../observability/metrics.js';
import { buildOpenApi } from '../openapi/build-openapi.js';
import { createRenderedCache } from '../render/rendered-cache.js';
import { createUpstreamClients } from '../upstream/clients.js';
import { forward } from '../upstream/forward.js';
import { createUndiciFetch } from '../upstream/undici-fetch.js';
import { registerAtlasRoutes } from './atlas-routes.js';
import { createRequestHandler } from './handle-request.js';
import { createPrincipalIds } from './hit-path.js';
import { registerOpsRoutes } from './ops-routes.js';
import type { ProxyOptions } from './options.js';
import { createPrincipalResolver } from './principals.js';
import { createResponder } from './respond.js';
import { errorResponse } from './upstream-error.js';

const ATLAS_PATHS = OPERATION_LIST.map((operation) => routePattern(operation, (name) => `:${name}`));

/**
 * Builds the caching proxy: a Hono app serving every operation of core's operation table from the cache (plus
 * `/healthz`, `/readyz`, `/metrics`, `/openapi.json`, `POST /admin/purge`), and its resources.
 *
 * @example
 * const proxy = createProxy({ upstreamUrl: fake.baseUrl, upstreamAuth: none(), upstreamFetch: fake.fetch,
 *   authMode: 'proxy', store: createMemoryStore({ maxBytes: 64e6 }), policy });
 * const res = await proxy.app.request('/api/atlas/v2/groups');
 */
export function createProxy(options: ProxyOptions) {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? pino({ level: 'silent' });
  const { store } = options;
  const rendered = createRenderedCache(options.renderCacheBytes ?? 32 * 1024 * 1024);
  const metrics = createMetrics(() => store.bytes() + rendered.bytes());
  const transport = options.upstreamFetch
    ? undefined
    : createUndiciFetch({ connections: options.upstreamConnections ?? 16, timeoutMs: options.upstreamTimeoutMs ?? 10_000 });
  const upstreamFetch = options.upstreamFetch ?? (transport as NonNullable<typeof transport>).fetch;
  let lastUpstreamOk = 0;
  const clients = createUpstreamClients({
    baseUrl: options.upstreamUrl,
    auth: options.upstreamAuth,
    fetch: upstreamFetch,
    timeoutMs: options.upstreamTimeoutMs ?? 10_000,
    retries: options.upstreamRetries ?? 1,
    onResponse: (info) => {
      lastUpstreamOk = Date.now();
      metrics.upstreamDuration.observe({ status: String(info.status) }, info.durationMs / 1000);
      logger.info(
        { upstream: { method: info.method, url: info.url, status: info.status, ms: Math.round(info.durationMs) } },
        'upstream',
      );
    },
  });
  const eventCounters = new Map<string, { inc(): void }>();
  const eventCounter = (event: string) => {
    let counter = eventCounters.get(event);
    if (!counter) {
      counter = metrics.cacheEvents.labels(event);
      eventCounters.set(event, counter);
    }
    return counter;
  };
  // A passthrough token refused upstream loses its partition, whichever request saw the 401.
  const evictPartition = async (partition: string) => {
    clients.evict(partition);
    await store.deleteMatching(partitionGlob(partition));
  };
  const coordinator = createCoordinator({
    store,
    policy: options.policy,
    now,
    onEvent: (event, key, error) => {
      eventCounter(event).inc();
      if (event === 'refresh-error' || event === 'stale-if-error') logger.warn({ key, err: describe(error) }, `cache ${event}`);
      const partition = key.split('/')[3];
      if (event === 'refresh-error' && isUnauthorized(error) && partition !== undefined && partition !== 'proxy') {
        evictPartition(partition).catch((e: unknown) => logger.error({ err: describe(e) }, 'partition eviction failed'));
      }
    },
  });
  const upstreamOrigin = new URL(options.upstreamUrl).origin;
  const responder = createResponder({ coordinator, rendered, now, upstreamOrigin });
  const idOf = createPrincipalIds();
  const resolvePrincipal = createPrincipalResolver(options);
  const oversized = new LRUCache<string, true>({ max: 10_000, ttl: Math.max(1, options.policy.ttlMs) });
  const onUnexpected = (error: unknown) => logger.error({ err: describe(error) }, 'unexpected error');

  // Label children resolved once per (operation, status) and per event: no label hashing per request.
  const requestCounters = new Map<string, { inc(): void }>();
  const countRequest = (operationId: string, status: number) => {
    const key = `${operationId} ${status}`;
    let counter = requestCounters.get(key);
    if (!counter) {
      counter = metrics.requests.labels(operationId, String(status));
      requestCounters.set(key, counter);
    }
    counter.inc();
  };
  const handle = createRequestHandler({
    resolvePrincipal,
    idOf,
    responder,
    clientFor: (principal) =>
      principal.kind === 'bearer' ? clients.forBearer(principal.partition, principal.token) : clients.shared,
    forwardUpstream: (request) =>
      forward(upstreamFetch, options.upstreamUrl, request, { 'cache-status': cacheStatus({ fwd: 'bypass' }) }),
    publicUrl: options.publicUrl,
    upstreamTimeoutMs: options.upstreamTimeoutMs ?? 10_000,
    evictPartition,
    onBypass: () => eventCounter('bypass').inc(),
    onUnexpected,
    countRequest,
  });

  const app = new Hono();
  registerOpsRoutes(app, {
    store,
    metrics,
    openapi: buildOpenApi,
    adminToken: options.adminToken,
    upstreamReachable: async () => {
      if (Date.now() - lastUpstreamOk < 30_000) return true;
      try {
        await upstreamFetch(new Request(new URL('/api/atlas/v2', options.upstreamUrl), { signal: AbortSignal.timeout(2_000) }));
        lastUpstreamOk = Date.now();
        return true;
      } catch {
        return false;
      }
    },
    onPurge: (scope) => logger.info({ purge: scope }, 'purged'),
  });
  registerAtlasRoutes(app, {
    handle,
    now,
    snapshotMaxItems: options.snapshotMaxItems ?? 50_000,
    snapshotConcurrency: options.snapshotConcurrency ?? 4,
    oversized,
  });
  app.on(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], ATLAS_PATHS, (c) =>
    wireErrorAnswer(wireErrors.methodNotAllowed(c.req.method)),
  );
  app.notFound((c) => wireErrorAnswer(wireErrors.resourceNotFound(c.req.path)));
  app.onError((error) => errorResponse(error, {}, onUnexpected));

  return {
    app,
    fetch: app.fetch,
    metrics,
    store,
    /** Upstream requests in flight (undici transport only). */
    upstreamInFlight: () => transport?.inFlight() ?? 0,
    /** Lets fills in flight (background refreshes too) finish and release their locks, then closes the upstream transport and the store. */
    async close(): Promise<void> {
      await coordinator.drain();
      await options.upstreamAuth.close?.();
      await transport?.close();
      await store.close();
    },
  };
}

/** The proxy returned by {@link createProxy}. */
export type Proxy = ReturnType<typeof createProxy>;

function isUnauthorized(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'AtlasApiError' && (error as { status?: number }).status === 401;
}

function describe(error: unknown): Record<string, unknown> | undefined {
  if (error === undefined) return undefined;
  if (error instanceof Error) return { name: error.name, message: error.message };
  // A thrown non-Error: a primitive logs as itself, an object as its tag only (its fields may hold secrets).
  return { value: isPrimitive(error) ? String(error) : Object.prototype.toString.call(error) };
}

function isPrimitive(value: unknown): value is string | number | bigint | boolean | symbol | null | undefined {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}
