import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The proxy's Prometheus metrics, on a registry of its own (never the global one).
 *
 * @example
 * const metrics = createMetrics(() => store.bytes());
 * metrics.requests.inc({ route: 'listGroups', status: '200' });
 */
export function createMetrics(cacheBytes: () => number) {
  const registry = new Registry();
  const requests = new Counter({
    name: 'atlas_proxy_requests_total',
    help: 'Requests answered, by route (the operationId of the Atlas operation) and status.',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const cacheEvents = new Counter({
    name: 'atlas_proxy_cache_events_total',
    help: 'Cache events: hit, miss, stale, collapsed, stale-if-error, refresh-error, stored, bypass.',
    labelNames: ['event'] as const,
    registers: [registry],
  });
  const upstreamDuration = new Histogram({
    name: 'atlas_proxy_upstream_duration_seconds',
    help: 'Upstream Atlas response time, by status.',
    labelNames: ['status'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'atlas_proxy_cache_bytes',
    help: 'Bytes held in process by the cache (entries and rendered bodies).',
    registers: [registry],
    collect() {
      this.set(cacheBytes());
    },
  });
  const redisUp = new Gauge({
    name: 'atlas_proxy_cache_backend_up',
    help: '1 when the cache backend answers, else 0.',
    registers: [registry],
  });
  return { registry, requests, cacheEvents, upstreamDuration, redisUp };
}

/** The metrics returned by {@link createMetrics}. */
export type ProxyMetrics = ReturnType<typeof createMetrics>;
