import type { AtlasClient } from '@atlas-checkpoints/core';
import { Hono, type Context } from 'hono';
import { LRUCache } from 'lru-cache';
import { pino } from 'pino';
import type { Principal } from '../auth/principal.js';
import { cacheStatus } from '../cache/cache-status.js';
import { createCoordinator } from '../cache/coordinator.js';
import { partitionGlob, type RouteName } from '../cache/keys.js';
import { proxyErrors, renderApiError } from '../http/api-error.js';
import { createMetrics } from '../observability/metrics.js';
import { buildOpenApi } from '../openapi/build-openapi.js';
import { createRenderedCache } from '../render/rendered-cache.js';
import { createUpstreamClients } from '../upstream/clients.js';
import { forward } from '../upstream/forward.js';
import { isSnapshotTooLarge } from '../upstream/snapshot.js';
import { createUndiciFetch } from '../upstream/undici-fetch.js';
import { registerAtlasRoutes, type AtlasRouteDeps } from './atlas-routes.js';
import { createHitPath, createPrincipalIds, hitFacts } from './hit-path.js';
import { registerOpsRoutes } from './ops-routes.js';
import type { ProxyOptions } from './options.js';
import { createPrincipalResolver } from './principals.js';
import { createResponder, type ServeSpec } from './respond.js';
import { errorResponse } from './upstream-error.js';

const ATLAS_PATHS = ['/api/atlas/v2/groups', '/api/atlas/v2/groups/*'];

/**
 * Builds the caching proxy: a Hono app serving the four Atlas paths from the cache (plus
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
  const originOf = (c: Context) => {
    if (options.publicUrl !== undefined) return options.publicUrl;
    const url = c.req.url;
    const end = url.indexOf('/', url.indexOf('//') + 2);
    return end < 0 ? url : url.slice(0, end);
  };

  // Label children resolved once per (route, status) and per event: no label hashing per request.
  const requestCounters = new Map<string, { inc(): void }>();
  const countRequest = (route: string, status: number) => {
    const key = `${route} ${status}`;
    let counter = requestCounters.get(key);
    if (!counter) {
      counter = metrics.requests.labels(route, String(status));
      requestCounters.set(key, counter);
    }
    counter.inc();
  };
  const full = async (
    c: Context,
    route: RouteName,
    build: (principal: Principal & { kind: 'proxy' | 'bearer' }, client: AtlasClient) => ServeSpec | Promise<ServeSpec>,
  ): Promise<Response> => {
    let response: Response;
    let principal: Principal | undefined;
    try {
      principal = resolvePrincipal(c.req.header('authorization'));
      if (principal.kind === 'bypass') {
        metrics.cacheEvents.inc({ event: 'bypass' });
        const url = c.req.url;
        const pathAndQuery = url.slice(url.indexOf('/', url.indexOf('//') + 2));
        response = await forward(
          upstreamFetch,
          options.upstreamUrl,
          {
            method: c.req.method,
            pathAndQuery,
            headers: c.req.raw.headers,
            origin: originOf(c),
            timeoutMs: options.upstreamTimeoutMs ?? 10_000,
          },
          { 'cache-status': cacheStatus({ fwd: 'bypass' }) },
        );
      } else {
        const p = principal;
        const url = c.req.url;
        const id = idOf(p);
        const variant = `${id} ${url}`;
        const q = url.indexOf('?');
        const facts = {
          ...hitFacts(c),
          path: c.req.path,
          search: q < 0 ? '' : url.slice(q + 1),
          origin: originOf(c),
          variant,
          variantBase: q < 0 ? variant : `${id} ${url.slice(0, q)}`,
        };
        const client = p.kind === 'bearer' ? clients.forBearer(p.partition, p.token) : clients.shared;
        try {
          response = (await responder.respond(await build(p, client), facts)).response;
        } catch (error) {
          if (!isSnapshotTooLarge(error)) throw error;
          response = (await responder.respond(await build(p, client), facts)).response;
        }
      }
    } catch (error) {
      if (principal?.kind === 'bearer' && isUnauthorized(error)) await evictPartition(principal.partition);
      const forwarded = principal?.kind === 'bypass' ? 'bypass' : 'miss';
      const fwd = (error as { name?: string }).name?.startsWith('Atlas')
        ? { 'cache-status': cacheStatus({ fwd: forwarded }) }
        : {};
      response = errorResponse(error, fwd, onUnexpected);
    }
    countRequest(route, response.status);
    return response;
  };
  const hitPath = createHitPath({ resolvePrincipal, responder, idOf });
  const counted = (route: RouteName, response: Response) => {
    countRequest(route, response.status);
    return response;
  };
  // A memory hit never makes a promise; anything else takes the full path.
  const handle: AtlasRouteDeps['handle'] = (c, route, build) => {
    const hot = hitPath(c);
    if (hot === undefined) return full(c, route, build);
    if (!(hot instanceof Promise)) return counted(route, hot);
    return hot.then(
      (response) => (response ? counted(route, response) : full(c, route, build)),
      () => full(c, route, build),
    );
  };

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
  app.on(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], ATLAS_PATHS, (c) => {
    const error = proxyErrors.methodNotAllowed(c.req.method);
    return renderApiError(error.status, error.body, error.headers);
  });
  app.notFound((c) => {
    const error = proxyErrors.notFound(c.req.path);
    return renderApiError(error.status, error.body);
  });
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
