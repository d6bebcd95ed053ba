import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { redactUrl } from '@atlas-checkpoints/core';
import { UpstreamRedirectError } from './upstream-errors.js';

type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** Options for {@link guardUpstreamFetch}. */
export interface GuardOptions {
  /** The only origin requests may go to (the upstream's). */
  readonly origin: string;
  /** Traces each upstream request as a CLIENT span and propagates its context (`traceparent`). */
  readonly tracer?: Tracer | undefined;
}

const setHeader = { set: (carrier: Headers, key: string, value: string) => carrier.set(key, value) };

/**
 * Wraps the upstream transport (undici, or a fake's `fetch` in tests) with what every upstream
 * request needs, whoever makes it: a refusal to send anything to another origin, a redirect turned into an
 * {@link UpstreamRedirectError} (never followed, so credentials never leave their origin), and,
 * with a tracer, a CLIENT span per request whose context goes upstream in `traceparent`.
 *
 * @example
 * const upstreamFetch = guardUpstreamFetch(transport.fetch, { origin: 'https://cloud.mongodb.com', tracer });
 */
export function guardUpstreamFetch(inner: Fetch, options: GuardOptions): Fetch {
  const { origin, tracer } = options;
  const send = async (request: Request): Promise<Response> => {
    const response = await inner(request);
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel().catch(() => undefined);
      throw new UpstreamRedirectError(response.status, response.headers.get('location'), request.url);
    }
    return response;
  };
  return async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    if (!request.url.startsWith(`${origin}/`)) {
      throw new TypeError(`refusing to send an upstream request to ${redactUrl(new URL(request.url).origin)}`);
    }
    if (!tracer) return send(request);
    const parent = context.active();
    const url = new URL(request.url);
    const span = tracer.startSpan(
      request.method,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': request.method,
          'url.full': redactUrl(`${url.origin}${url.pathname}${url.search}`),
          'server.address': url.hostname,
          'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        },
      },
      parent,
    );
    const headers = new Headers(request.headers);
    propagation.inject(trace.setSpan(parent, span), headers, setHeader);
    try {
      const response = await send(new Request(request, { headers }));
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return response;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      span.setAttribute('error.type', error instanceof Error ? error.name : 'error');
      throw error;
    } finally {
      span.end();
    }
  };
}
