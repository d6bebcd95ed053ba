import type { Metric, MetricValueWithName, Registry } from 'prom-client';

/**
 * Counters and histograms for the hot path, exposed through a prom-client registry. prom-client's
 * own `inc` and `observe` validate and hash their labels on every call, which costs about as much
 * as the rest of a cache hit; here each label set is a record made once and found by the caller,
 * so recording is a few additions, and the registry reads the records at scrape time (same text
 * format, same names).
 */
interface HotMetric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'histogram';
  readonly aggregator: 'sum';
  get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: Array<MetricValueWithName<string>> }>;
  reset(): void;
}

/** One label set of a {@link hotCounter}. */
export interface CounterChild {
  inc(): void;
}

/** One label set of a {@link hotHistogram}. */
export interface HistogramChild {
  observe(value: number): void;
}

type Labels = Record<string, string>;

function register(registry: Registry, metric: HotMetric): void {
  registry.registerMetric(metric as unknown as Metric);
}

/**
 * A counter whose children are plain records: `child(labels)` once per label set (keep it), then
 * `inc()` per event.
 *
 * @example
 * const requests = hotCounter(registry, 'atlas_proxy_requests_total', 'Requests answered.');
 * const ok = requests.child({ route: 'listClusters', status: '200' }); ok.inc();
 */
export function hotCounter(registry: Registry, name: string, help: string) {
  const children: Array<{ labels: Labels; count: number }> = [];
  register(registry, {
    name,
    help,
    type: 'counter',
    aggregator: 'sum',
    get: () =>
      Promise.resolve({
        name,
        help,
        type: 'counter',
        aggregator: 'sum',
        values: children.map(({ labels, count }) => ({ metricName: name, labels, value: count })),
      }),
    reset: () => {
      for (const child of children) child.count = 0;
    },
  });
  return {
    child(labels: Labels): CounterChild {
      const record = { labels, count: 0 };
      children.push(record);
      return {
        inc: () => {
          record.count += 1;
        },
      };
    },
  };
}

/**
 * A histogram whose children are plain records (per-bucket counts, sum, count): `child(labels)`
 * once per label set (keep it), then `observe(value)` per event.
 *
 * @example
 * const duration = hotHistogram(registry, 'x_seconds', 'Time.', [0.001, 0.01, 0.1]);
 * duration.child({ route: 'listClusters' }).observe(0.004);
 */
export function hotHistogram(registry: Registry, name: string, help: string, buckets: readonly number[]) {
  const children: Array<{ labels: Labels; counts: Float64Array; sum: number; count: number }> = [];
  register(registry, {
    name,
    help,
    type: 'histogram',
    aggregator: 'sum',
    get: () => {
      const values: Array<MetricValueWithName<string>> = [];
      for (const { labels, counts, sum, count } of children) {
        let cumulative = 0;
        buckets.forEach((le, i) => {
          cumulative += counts[i] ?? 0;
          values.push({ metricName: `${name}_bucket`, labels: { le, ...labels }, value: cumulative });
        });
        values.push({ metricName: `${name}_bucket`, labels: { le: '+Inf', ...labels }, value: count });
        values.push({ metricName: `${name}_sum`, labels, value: sum });
        values.push({ metricName: `${name}_count`, labels, value: count });
      }
      return Promise.resolve({ name, help, type: 'histogram', aggregator: 'sum', values });
    },
    reset: () => {
      for (const child of children) {
        child.counts.fill(0);
        child.sum = 0;
        child.count = 0;
      }
    },
  });
  return {
    child(labels: Labels): HistogramChild {
      const record = { labels, counts: new Float64Array(buckets.length), sum: 0, count: 0 };
      children.push(record);
      return {
        observe: (value: number) => {
          let i = 0;
          while (i < buckets.length && value > (buckets[i] ?? Infinity)) i += 1;
          if (i < buckets.length) record.counts[i] = (record.counts[i] ?? 0) + 1;
          record.sum += value;
          record.count += 1;
        },
      };
    },
  };
}

/** Upper bounds (seconds) of the served-request duration buckets. */
const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/**
 * The per-request metrics: `atlas_proxy_request_duration_seconds{route,cache}` (served-request
 * duration, handler in to response out, by route and cache result) and
 * `atlas_proxy_requests_total{route,status}`.
 *
 * @example
 * const record = createRequestMetrics(registry);
 * record('listClusters', 'hit', 200, 0.0004);
 */
export function createRequestMetrics(registry: Registry) {
  const duration = hotHistogram(
    registry,
    'atlas_proxy_request_duration_seconds',
    'Time to answer a request (handler in to response out), by route (the operationId of the Atlas operation) and cache result (hit, stale, miss, collapsed, bypass, none).',
    DURATION_BUCKETS,
  );
  const requests = hotCounter(
    registry,
    'atlas_proxy_requests_total',
    'Requests answered, by route (the operationId of the Atlas operation) and status.',
  );
  // Nested maps keyed by the label values themselves (constant strings, numbers): no key building per request.
  const durations = new Map<string, Map<string, HistogramChild>>();
  const statuses = new Map<string, Map<number, CounterChild>>();
  return (route: string, cache: string, status: number, seconds: number): void => {
    let byCache = durations.get(route);
    if (!byCache) durations.set(route, (byCache = new Map<string, HistogramChild>()));
    let histogram = byCache.get(cache);
    if (!histogram) byCache.set(cache, (histogram = duration.child({ route, cache })));
    histogram.observe(seconds);
    let byStatus = statuses.get(route);
    if (!byStatus) statuses.set(route, (byStatus = new Map<number, CounterChild>()));
    let counter = byStatus.get(status);
    if (!counter) byStatus.set(status, (counter = requests.child({ route, status: String(status) })));
    counter.inc();
  };
}
