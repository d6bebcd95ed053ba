import type { Tracer } from '@opentelemetry/api';

/** How tracing is set up from the standard `OTEL_*` variables. */
export type TracingConfig =
  | { readonly enabled: false }
  | { readonly enabled: true; readonly exporter: 'otlp'; readonly protocol: 'http/protobuf' | 'http/json' }
  | { readonly enabled: true; readonly exporter: 'console' };

/** A tracing setting the proxy cannot honour (exit code 2). */
export class TracingConfigError extends Error {
  override name = 'TracingConfigError' as const;
}

type Env = Readonly<Record<string, string | undefined>>;
const set = (value: string | undefined) => value !== undefined && value.trim() !== '';

/**
 * Reads the OpenTelemetry SDK's standard variables. Tracing is off unless configured: on when
 * `OTEL_TRACES_EXPORTER` is `otlp` or `console`, or, without it, when `OTEL_EXPORTER_OTLP_ENDPOINT`
 * or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set; `OTEL_SDK_DISABLED=true` or
 * `OTEL_TRACES_EXPORTER=none` turn it off. The OTLP protocol is
 * `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` (`http/protobuf`, the
 * default, or `http/json`; `grpc` is refused). Endpoint, headers, timeout, compression, sampler
 * (`OTEL_TRACES_SAMPLER`), propagators and resource (`OTEL_SERVICE_NAME`,
 * `OTEL_RESOURCE_ATTRIBUTES`) are read by the SDK itself.
 *
 * @throws {TracingConfigError} for an exporter or protocol the proxy does not ship.
 * @example
 * tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }) // { enabled: true, exporter: 'otlp', protocol: 'http/protobuf' }
 */
export function tracingConfig(env: Env): TracingConfig {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return { enabled: false };
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (exporters.includes('none')) return { enabled: false };
  const unknown = exporters.filter((name) => name !== 'otlp' && name !== 'console');
  if (unknown.length > 0)
    throw new TracingConfigError(`OTEL_TRACES_EXPORTER=${unknown.join(',')} is not supported (otlp, console or none)`);
  if (exporters.includes('console')) return { enabled: true, exporter: 'console' };
  if (!exporters.includes('otlp') && !set(env.OTEL_EXPORTER_OTLP_ENDPOINT) && !set(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) {
    return { enabled: false };
  }
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf').trim();
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new TracingConfigError(`OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not supported (http/protobuf or http/json)`);
  }
  return { enabled: true, exporter: 'otlp', protocol };
}

/** A running tracer provider. */
export interface Tracing {
  readonly tracer: Tracer;
  /** Exports the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * Starts the official OpenTelemetry SDK for the bin when {@link tracingConfig} says so: a
 * `NodeTracerProvider` (registered: async-context propagation, W3C trace context), a batch span
 * processor and the OTLP/HTTP exporter. The SDK is only loaded when tracing is on.
 *
 * @example
 * const tracing = await startTracing(process.env, { version: '1.2.3' }); // undefined when off
 */
export async function startTracing(env: Env, service: { version: string }): Promise<Tracing | undefined> {
  const config = tracingConfig(env);
  if (!config.enabled) return undefined;
  const [{ trace }, node, resources] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/resources'),
  ]);
  let exporter;
  if (config.exporter === 'console') exporter = new node.ConsoleSpanExporter();
  else if (config.protocol === 'http/json')
    exporter = new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
  else exporter = new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  const resource = resources
    .resourceFromAttributes({ 'service.name': 'atlas-checkpoints-proxy', 'service.version': service.version })
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const provider = new node.NodeTracerProvider({ resource, spanProcessors: [new node.BatchSpanProcessor(exporter)] });
  provider.register();
  return {
    tracer: trace.getTracer('atlas-checkpoints-proxy', service.version),
    shutdown: () => provider.shutdown(),
  };
}
