import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { none } from '@atlas-checkpoints/core';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { createProxy } from '../app/create-proxy.js';
import { createMemoryStore } from '../cache/memory-store.js';
import { POLICY } from '../test-helpers/setup.js';
import { tracingConfig, TracingConfigError } from './tracing.js';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
afterAll(() => provider.shutdown());

const fixtures = generateFixtures({ seed: 8, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 2 });
const clusters = `/api/atlas/v2/groups/${fixtures.projects[0]?.group.id}/clusters`;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

describe('OpenTelemetry tracing', () => {
  it('continues the caller’s traceparent with a SERVER span, a CLIENT span per upstream call, and propagates it upstream', async () => {
    exporter.reset();
    const fake = createFakeAtlas({ fixtures });
    const sentUpstream: Array<string | null> = [];
    const proxy = createProxy({
      upstreamUrl: fake.baseUrl,
      upstreamAuth: none(),
      upstreamFetch: async (request) => {
        sentUpstream.push(request.headers.get('traceparent'));
        return fake.fetch(request);
      },
      authMode: 'proxy',
      store: createMemoryStore({ maxBytes: 8 * 1024 * 1024 }),
      policy: POLICY,
      tracer: provider.getTracer('test'),
    });
    const traceparent = `00-${TRACE_ID}-${CALLER_SPAN}-01`;
    expect((await proxy.request(clusters, { headers: { traceparent } })).status).toBe(200);
    expect((await proxy.request(clusters, { headers: { traceparent } })).status).toBe(200);
    await proxy.close();

    const spans = exporter.getFinishedSpans();
    const servers = spans.filter((span) => span.kind === SpanKind.SERVER);
    const clients = spans.filter((span) => span.kind === SpanKind.CLIENT);
    expect(servers.map((span) => span.name)).toEqual(['GET listGroupClusters', 'GET listGroupClusters']);
    expect(clients).toHaveLength(1);
    for (const span of servers) {
      expect(span.spanContext().traceId).toBe(TRACE_ID);
      expect(span.parentSpanContext?.spanId).toBe(CALLER_SPAN);
      expect(span.attributes['http.response.status_code']).toBe(200);
    }
    expect(servers.map((span) => span.attributes['atlas_proxy.cache'])).toEqual(['miss', 'hit']);
    const [client] = clients;
    expect(client?.name).toBe('GET');
    expect(client?.spanContext().traceId).toBe(TRACE_ID);
    expect(client?.parentSpanContext?.spanId).toBe(servers[0]?.spanContext().spanId);
    expect(client?.attributes['http.response.status_code']).toBe(200);
    expect(sentUpstream).toEqual([`00-${TRACE_ID}-${client?.spanContext().spanId}-01`]);
  });

  it('is off unless configured, and refuses what it cannot export', () => {
    expect(tracingConfig({})).toEqual({ enabled: false });
    expect(tracingConfig({ OTEL_SERVICE_NAME: 'x' })).toEqual({ enabled: false });
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      enabled: true,
      exporter: 'otlp',
      protocol: 'http/protobuf',
    });
    expect(
      tracingConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }),
    ).toMatchObject({ enabled: true, protocol: 'http/json' });
    expect(tracingConfig({ OTEL_TRACES_EXPORTER: 'otlp' })).toMatchObject({ enabled: true });
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_SDK_DISABLED: 'true' })).toEqual({ enabled: false });
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_TRACES_EXPORTER: 'none' })).toEqual({ enabled: false });
    expect(() => tracingConfig({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(TracingConfigError);
    expect(() => tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/grpc/);
  });

  it('the bin exports spans over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, with OTEL_SERVICE_NAME', async () => {
    const received: Array<{ path: string; body: string }> = [];
    const collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    collector.listen(0, '127.0.0.1');
    await once(collector, 'listening');
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@atlas-checkpoints/source',
        bin,
        '--demo',
        '--port',
        '0',
        '--log-level',
        'silent',
        '--drain-delay',
        '0',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          OTEL_SERVICE_NAME: 'proxy-under-test',
        },
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      expect(
        (await fetch(`${url}/api/atlas/v2/groups`, { headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` } })).status,
      ).toBe(200);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
      collector.close();
    }
    const traces = received.filter((r) => r.path === '/v1/traces').map((r) => r.body);
    expect(traces.length).toBeGreaterThan(0);
    const all = traces.join('\n');
    expect(all).toContain('proxy-under-test');
    expect(all).toContain('GET listGroups');
    expect(all).toContain(TRACE_ID);
  });
});
