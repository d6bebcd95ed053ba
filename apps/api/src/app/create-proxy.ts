import { isAtlasApiError, OPERATION_LIST, proxyEnv, routePattern, wireErrors } from '@atlas-checkpoints/core';
import { Hono } from 'hono';
import { LRUCache } from 'lru-cache';
import { pino } from 'pino';
import { cacheStatus } from '../cache/cache-status.js';
import { createCoordinator } from '../cache/coordinator.js';
import { DEFAULT_CHANGING_TTL_MS } from '../cache/freshness.js';
import { partitionOfKey } from '../cache/redis-keys.js';
import { wireErrorAnswer } from '../http/proxy-errors.js';
import { createMetrics } from '../observability/metrics.js';
import { createObserver, type Handler, type ProxyBindings, type RequestNote } from '../observability/observe.js';
import { buildOpenApi } from '../openapi/build-openapi.js';
import { createDocCache } from '../render/doc-cache.js';
import { createRenderedCache } from '../render/rendered-cache.js';
import { createUpstreamClients } from '../upstream/clients.js';
import { forward } from '../upstream/forward.js';
import { guardUpstreamFetch } from '../upstream/guard-fetch.js';
import { createUpstreamTransport } from '../upstream/transport.js';
import { createUpstreamHealth } from '../upstream/upstream-health.js';
import { registerAtlasRoutes } from './atlas-routes.js';
import { createRequestHandler } from './handle-request.js';
import { createPrincipalIds } from './hit-path.js';
import { createLifecycle } from './lifecycle.js';
import { registerOpsRoutes } from './ops-routes.js';
import { publicOrigin, type ProxyOptions } from './options.js';
import { createPrincipalResolver } from './principals.js';
import { createReadiness } from './readiness.js';
import { answerResponse, createResponder, type Hit } from './respond.js';
import { createTokenRefusals } from './token-refusals.js';
import { errorResponse } from './upstream-error.js';

const ATLAS_PATHS = OPERATION_LIST.map((operation) => routePattern(operation, (name) => `:${name}`));

/**
 * Builds the caching proxy: a Hono app serving every operation of core's operation table from the
 * cache (plus `/healthz`, `/readyz`, `/metrics`, `/openapi.json`, `POST /admin/purge`), the `fetch`
 * to serve (the app behind the access log, metrics, tracing and shutdown), and its resources.
 *
 * @example
 * const proxy = createProxy({ upstreamUrl: fake.baseUrl, upstreamAuth: none(), upstreamFetch: fake.fetch,
 *   authMode: 'proxy', store: createMemoryStore({ maxBytes: 64e6 }), policy });
 * const res = await proxy.request('/api/atlas/v2/groups');
 *
 * @throws {ProxyOptionsError} when `publicUrl` is not an http(s) origin (see {@link publicOrigin});
 *   nothing is started then.
 */
export function createProxy(options: ProxyOptions) {
  // Checked first, before any resource exists: links get the normalised origin, never the raw value.
  const publicUrl = options.publicUrl === undefined ? undefined : publicOrigin(options.publicUrl);
  const now = options.now ?? Date.now;
  const logger = options.logger ?? pino({ level: 'silent' });
  const { store } = options;
  const lifecycle = createLifecycle();
  const rendered = createRenderedCache(options.renderCacheBytes ?? 32 * 1024 * 1024);
  const docs = createDocCache(options.docCacheBytes ?? 32 * 1024 * 1024);
  // Every cache kept in process, counted: the store, rendered bodies, parsed documents, aliases.
  const metrics = createMetrics(() => store.bytes() + rendered.bytes() + docs.bytes() + handler.aliasBytes());
  const timeoutMs = options.upstreamTimeoutMs ?? 10_000;
  const concurrency = options.upstreamConnections ?? 16;
  const upstreamOrigin = new URL(options.upstreamUrl).origin;
  const transport = options.upstreamFetch
    ? undefined
    : createUpstreamTransport({
        connections: concurrency,
        timeoutMs,
        proxy: options.upstreamProxy ?? proxyEnv(),
        ca: options.upstreamCa,
      });
  const upstreamFetch = guardUpstreamFetch(options.upstreamFetch ?? (transport as NonNullable<typeof transport>).fetch, {
    origin: upstreamOrigin,
    tracer: options.tracer,
  });
  const health = createUpstreamHealth({
    timeoutMs,
    concurrency,
    queue: options.upstreamQueue ?? 64,
    retries: options.upstreamRetries ?? 1,
    signal: lifecycle.signal,
    onChange: ({ what, identity, open }) =>
      (open ? logger.warn.bind(logger) : logger.info.bind(logger))(
        { upstream: { [what]: open ? 'open' : 'closed', ...(identity === undefined ? {} : { identity }) } },
        open
          ? what === 'circuit'
            ? 'upstream failing: circuit open, serving stale copies'
            : 'upstream rate limit: honouring Retry-After'
          : `upstream ${what} closed`,
      ),
  });
  const clients = createUpstreamClients({
    baseUrl: options.upstreamUrl,
    auth: options.upstreamAuth,
    fetch: upstreamFetch,
    timeoutMs,
    onResponse: (info) => {
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
      counter = metrics.cacheEvents.child({ event });
      eventCounters.set(event, counter);
    }
    return counter;
  };
  // A passthrough token refused upstream (401 or 403) loses its partition, whichever request saw it:
  // through the store's partition index, at the cost of that partition's size.
  const evictPartition = async (partition: string) => {
    clients.evict(partition);
    health.forget(partition);
    await store.deletePartition(partition);
  };
  // Callers upstream has not accepted yet get a quarter of the upstream concurrency and a queue of
  // their own: a flood of made-up tokens cannot push accepted callers out of the upstream queue.
  const refusals = createTokenRefusals({
    ttlMs: options.refusedTokenTtlMs ?? 10_000,
    now,
    unverified: { concurrency: Math.max(1, Math.floor(concurrency / 4)), queue: options.upstreamQueue ?? 64 },
  });
  const coordinator = createCoordinator({
    store,
    policy: options.policy,
    now,
    onEvent: (event, key, error) => {
      eventCounter(event).inc();
      if (event === 'refresh-error' || event === 'stale-if-error') logger.warn({ key, err: describe(error) }, `cache ${event}`);
      if (event === 'refresh-error' && isAtlasApiError(error) && (error.status === 401 || error.status === 403)) {
        const partition = partitionOfKey(key);
        if (partition !== 'proxy') {
          if (error.status === 401) refusals.refuse(partition);
          evictPartition(partition).catch((e: unknown) => logger.error({ err: describe(e) }, 'partition eviction failed'));
        }
      }
    },
  });
  const onUnexpected = (error: unknown) => logger.error({ err: describe(error) }, 'unexpected error');
  const handler = createRequestHandler({
    resolvePrincipal: createPrincipalResolver(options),
    idOf: createPrincipalIds(),
    responder: createResponder({ coordinator, rendered, docs, now, upstreamOrigin }),
    clientFor: (principal) =>
      principal.kind === 'bearer' ? clients.forBearer(principal.partition, principal.token) : clients.shared,
    forwardUpstream: (request) =>
      forward(upstreamFetch, options.upstreamUrl, request, { 'cache-status': cacheStatus({ fwd: 'bypass' }) }),
    health,
    publicUrl,
    evictPartition,
    refusals,
    aliasBytes: options.aliasBytes ?? 4 * 1024 * 1024,
    onBypass: () => eventCounter('bypass').inc(),
    onUnexpected,
  });
  const readiness = createReadiness({
    store,
    health,
    lifecycle,
    probe: async () => {
      const response = await upstreamFetch(new Request(`${upstreamOrigin}/api/atlas/v2`, { signal: AbortSignal.timeout(2_000) }));
      await response.body?.cancel();
      return true;
    },
  });

  const app = new Hono();
  registerOpsRoutes(app, {
    store,
    metrics,
    readiness,
    openapi: buildOpenApi,
    adminToken: options.adminToken,
    metricsToken: options.metricsToken,
    metricsOnMainPort: options.metricsOnMainPort ?? true,
    onPurge: (scope) => logger.info({ purge: scope }, 'purged'),
  });
  registerAtlasRoutes(app, {
    handle: handler.handle,
    now,
    changingTtlMs: options.policy.changingTtlMs ?? DEFAULT_CHANGING_TTL_MS,
    snapshotMaxItems: options.snapshotMaxItems ?? 50_000,
    snapshotConcurrency: options.snapshotConcurrency ?? 4,
    oversized: new LRUCache<string, true>({ max: 10_000, ttl: Math.max(1, options.policy.ttlMs) }),
  });
  // Every other method (POST, PUT, TRACE, PROPFIND, …) on an Atlas path: 405. GET and HEAD were answered above.
  for (const path of ATLAS_PATHS) app.all(path, (c) => wireErrorAnswer(wireErrors.methodNotAllowed(c.req.method)));
  app.notFound((c) => wireErrorAnswer(wireErrors.resourceNotFound(c.req.path)));
  app.onError((error) => errorResponse(error, {}, onUnexpected));

  // A repeated request is answered before routing (see `createRequestHandler`); everything else
  // goes through the app. A request still running when shutdown ends is answered 503 by the
  // lifecycle; while draining, every answer asks its connection to close.
  const serve: Handler = (request, env, headers) => {
    if (lifecycle.state !== 'serving') env.outgoing?.setHeader('connection', 'close');
    const { note } = env;
    const hot = handler.hit(request.method, request.url, headers, note?.id);
    if (hot === undefined) return routed(request, env);
    if (!(hot instanceof Promise)) return noted(hot, note);
    return lifecycle.track(
      hot.then(
        (found) => (found ? noted(found, note) : routed(request, env)),
        () => routed(request, env),
      ),
    );
  };
  const noted = (hit: Hit, note: RequestNote | undefined): Response => {
    if (note) {
      note.route = hit.route;
      note.cache = 'hit';
      note.idSent = true;
    }
    return answerResponse(hit.answer);
  };
  const routed = (request: Request, env: ProxyBindings): Response | Promise<Response> => {
    const response = app.fetch(request, env);
    return response instanceof Promise ? lifecycle.track(response) : response;
  };
  const observer = createObserver({ logger, metrics, tracer: options.tracer });
  const fetch = observer.wrap(serve);
  // While draining, every answer asks its connection to close: the full path says so.
  const nodeHit = options.tracer
    ? undefined
    : observer.nodeHit((method, url, headers, id) => {
        if (lifecycle.state !== 'serving') return undefined;
        const hot = handler.hit(method, url, headers, id);
        // A hit that waited on the store goes the full way if draining began meanwhile.
        return hot instanceof Promise ? hot.then((found) => (lifecycle.state === 'serving' ? found : undefined)) : hot;
      });

  return {
    /** The routes alone (no access log, metrics, tracing or shutdown handling): for composing into another app. */
    app,
    /** The handler to serve (`startServer(proxy, …)` serves it after {@link nodeHit}): the routes with access log, metrics, tracing and shutdown. */
    fetch,
    /**
     * The hit path on Node's own request and response (see `createObserver`), which
     * `startServer(proxy, …)` tries before {@link fetch}; `undefined` with a tracer.
     */
    nodeHit,
    /** Records a request @hono/node-server refused (see `startServer`): access line, metrics, request id. */
    refused: observer.refused,
    /** Records a request Node's parser refused (see `startServer`): access line, metrics; returns its request id. */
    parserRefused: observer.parserRefused,
    /**
     * Like Hono's `app.request`: a path (or URL) and init through {@link fetch}, without a socket.
     *
     * @example
     * const res = await proxy.request('/api/atlas/v2/groups', { headers: { authorization: 'Bearer …' } });
     */
    request: (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const request =
        input instanceof Request
          ? input
          : new Request(/^https?:\/\//.test(String(input)) ? input : `http://localhost${String(input)}`, init);
      return Promise.resolve(fetch(request));
    },
    metrics,
    store,
    /** The shared view of upstream health (circuit breaker, `Retry-After` gates, queue). */
    upstreamHealth: health,
    /** Upstream requests in flight (undici transport only). */
    upstreamInFlight: () => transport?.inFlight() ?? 0,
    /** `serving`, `draining` or `stopped`. */
    state: () => lifecycle.state,
    /** Readiness turns 503; requests are still served, each asking its connection to close. */
    startDraining: () => lifecycle.startDraining(),
    /** Answers every request still running with an Atlas-shaped 503 and aborts upstream work. */
    abortInFlight: () => lifecycle.stop(),
    /** Requests still running (answered asynchronously). */
    inFlight: () => lifecycle.inFlight(),
    /**
     * Lets fills in flight (background refreshes too) finish and release their locks, for at most
     * `timeoutMs`, then closes the upstream transport and the store.
     */
    async close(timeoutMs?: number): Promise<void> {
      await coordinator.drain(timeoutMs);
      await options.upstreamAuth.close?.();
      await transport?.close();
      await store.close();
    },
  };
}

/** The proxy returned by {@link createProxy}. */
export type Proxy = ReturnType<typeof createProxy>;

function describe(error: unknown): Record<string, unknown> | undefined {
  if (error === undefined) return undefined;
  if (error instanceof Error) return { name: error.name, message: error.message };
  // A thrown non-Error: a primitive logs as itself, an object as its tag only (its fields may hold secrets).
  return { value: isPrimitive(error) ? String(error) : Object.prototype.toString.call(error) };
}

function isPrimitive(value: unknown): value is string | number | bigint | boolean | symbol | null | undefined {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}
