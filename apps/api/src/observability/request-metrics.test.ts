import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createRequestMetrics, hotCounter, hotHistogram } from './request-metrics.js';

describe('hot-path metrics', () => {
  it('expose a histogram in the Prometheus text format: cumulative buckets, +Inf, sum and count', async () => {
    const registry = new Registry();
    const histogram = hotHistogram(registry, 'x_seconds', 'Time.', [0.01, 0.1, 1]);
    const child = histogram.child({ route: 'r' });
    for (const value of [0.0078125, 0.01, 0.0625, 0.5, 7]) child.observe(value);
    expect(await registry.metrics()).toBe(
      [
        '# HELP x_seconds Time.',
        '# TYPE x_seconds histogram',
        'x_seconds_bucket{le="0.01",route="r"} 2',
        'x_seconds_bucket{le="0.1",route="r"} 3',
        'x_seconds_bucket{le="1",route="r"} 4',
        'x_seconds_bucket{le="+Inf",route="r"} 5',
        'x_seconds_sum{route="r"} 7.5803125',
        'x_seconds_count{route="r"} 5',
        '',
      ].join('\n'),
    );
  });

  it('expose counters, and reset with the registry', async () => {
    const registry = new Registry();
    const counter = hotCounter(registry, 'y_total', 'Things.');
    const a = counter.child({ kind: 'a' });
    a.inc();
    a.inc();
    counter.child({ kind: 'b' }).inc();
    expect(await registry.metrics()).toBe(
      '# HELP y_total Things.\n# TYPE y_total counter\ny_total{kind="a"} 2\ny_total{kind="b"} 1\n',
    );
    registry.resetMetrics();
    expect(await registry.metrics()).toContain('y_total{kind="a"} 0');
  });

  it('record each request once in the duration histogram and the request counter', async () => {
    const registry = new Registry();
    const record = createRequestMetrics(registry);
    record('listClusters', 'hit', 200, 0.0004);
    record('listClusters', 'hit', 200, 0.002);
    record('listClusters', 'miss', 502, 0.3);
    const text = await registry.metrics();
    expect(text).toContain('atlas_proxy_request_duration_seconds_bucket{le="0.0005",route="listClusters",cache="hit"} 1');
    expect(text).toContain('atlas_proxy_request_duration_seconds_count{route="listClusters",cache="hit"} 2');
    expect(text).toContain('atlas_proxy_request_duration_seconds_count{route="listClusters",cache="miss"} 1');
    expect(text).toContain('atlas_proxy_requests_total{route="listClusters",status="200"} 2');
    expect(text).toContain('atlas_proxy_requests_total{route="listClusters",status="502"} 1');
  });
});
