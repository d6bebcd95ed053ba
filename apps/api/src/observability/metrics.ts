import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { createRequestMetrics, hotCounter } from './request-metrics.js';

/**
 * The proxy's Prometheus metrics, on a registry of its own (never the global one), with
 * prom-client's default process and Node.js runtime metrics (CPU, memory, heap, event-loop lag,
 * GC, handles).
 *
 * @example
 * const metrics = createMetrics(() => store.bytes());
 * metrics.recordRequest('listGroups', 'hit', 200, 0.0004);
 */
export function createMetrics(cacheBytes: () => number) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const recordRequest = createRequestMetrics(registry);
  const cacheEvents = hotCounter(
    registry,
    'atlas_proxy_cache_events_total',
    'Cache events: hit, miss, stale, collapsed, stale-if-error, refresh-error, stored, bypass.',
  );
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
  return { registry, recordRequest, cacheEvents, upstreamDuration, redisUp };
}

/** The metrics returned by {@link createMetrics}. */
export type ProxyMetrics = ReturnType<typeof createMetrics>;
