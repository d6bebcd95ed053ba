import { randomUUID } from 'node:crypto';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { headerOf, requestHeaders, type HeaderBag, type NodeBindings } from '../app/request-headers.js';
import { createAccessLog } from './access-log.js';
import type { ProxyMetrics } from './metrics.js';

/** What the cache did for a request, as logs and metrics label it. */
export type CacheResult = 'hit' | 'stale' | 'miss' | 'collapsed' | 'bypass' | 'none';

/** The request id, and what whoever answers a request fills in: its route and cache result. */
export interface RequestNote {
  readonly id: string;
  route: string;
  cache: CacheResult;
  /** The response carries `X-Request-Id` already (the hit path writes it with its other headers). */
  idSent: boolean;
}

/** The env the proxy's Hono app gets: @hono/node-server's, plus the note of this request. */
export interface ProxyBindings extends NodeBindings {
  note?: RequestNote | undefined;
}

/** A request handler as @hono/node-server calls it. */
export type Handler = (request: Request, env: ProxyBindings, headers: HeaderBag) => Response | Promise<Response>;

/** Options for {@link createObserver}. */
export interface ObserverOptions {
  readonly logger: Logger;
  readonly metrics: ProxyMetrics;
  readonly tracer?: Tracer | undefined;
}

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;
/** A query that may carry a secret (a token someone put in the URL) is not logged. */
const SECRET_LOOKING = /token|secret|passw|key|auth|sig|credential|session/i;
const getHeader = {
  keys: (carrier: HeaderBag) => Object.keys(carrier),
  get: (carrier: HeaderBag, key: string) => carrier[key],
};

/**
 * The request id: the caller's `X-Request-Id` when it is one (1–128 of `A-Za-z0-9_.:@/+=-`),
 * else a new UUID.
 *
 * @example
 * requestId('abc-123') // 'abc-123'
 * requestId('has space') // a new UUID
 */
export function requestId(incoming: string | undefined): string {
  return incoming !== undefined && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The path and query (of a URL, or as they came) as logged: the query dropped when a parameter name looks like a credential. */
export function loggedPath(url: string): string {
  const start = url.startsWith('/') ? 0 : url.indexOf('/', url.indexOf('//') + 2);
  const path = start < 0 ? '/' : start === 0 ? url : url.slice(start);
  const q = path.indexOf('?');
  const clipped = q >= 0 && SECRET_LOOKING.test(path.slice(q)) ? `${path.slice(0, q)}?[REDACTED]` : path;
  return clipped.length > 2048 ? `${clipped.slice(0, 2048)}…` : clipped;
}

/**
 * Wraps the proxy's request handler with what every request gets, hits included: a request id
 * (`X-Request-Id`, honoured or generated, set on the response), one access-log line (pino, at
 * `info`: id, method, path, route, status, cache result, duration in ms; never a header), the
 * served-request duration histogram by route and cache result, the request counter by route and
 * status, and, with a tracer, a SERVER span continuing the caller's W3C `traceparent`.
 *
 * On a Node server the id is set with `outgoing.setHeader` and headers are read from Node's own
 * object, so a hit never builds a `Headers` object; elsewhere the response's headers get the id.
 *
 * @example
 * const fetch = createObserver({ logger, metrics, tracer }).wrap(handler);
 */
export function createObserver(options: ObserverOptions) {
  const { metrics, tracer } = options;
  // Access lines carry no credential by construction (no header, a query that looks like one
  // dropped), so they skip redaction: see createAccessLog.
  const access = createAccessLog(options.logger);
  const finish = (
    request: Request,
    note: RequestNote,
    started: number,
    response: Response,
    env: ProxyBindings | undefined,
    span: Span | undefined,
  ): Response => {
    const ms = performance.now() - started;
    const status = response.status;
    metrics.recordRequest(note.route, note.cache, status, ms / 1000);
    access({
      reqId: note.id,
      method: request.method,
      path: loggedPath(env?.incoming?.url ?? request.url),
      route: note.route,
      status,
      cache: note.cache,
      ms: Math.round(ms * 1000) / 1000,
    });
    if (span) {
      span.updateName(`${request.method} ${note.route}`);
      span.setAttribute('http.response.status_code', status);
      span.setAttribute('atlas.operation', note.route);
      span.setAttribute('atlas_proxy.cache', note.cache);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    if (!note.idSent) {
      if (env?.outgoing) env.outgoing.setHeader('x-request-id', note.id);
      else response.headers.set('x-request-id', note.id);
    }
    return response;
  };

  /** Wraps `handler` (called with the request's headers read once). */
  const wrap =
    (handler: Handler) =>
    (request: Request, env?: NodeBindings): Response | Promise<Response> => {
      const started = performance.now();
      const bindings: ProxyBindings = env ?? {};
      const headers = requestHeaders(request, bindings);
      const id = requestId(headerOf(headers, 'x-request-id'));
      const note: RequestNote = { id, route: 'unmatched', cache: 'none', idSent: false };
      bindings.note = note;
      let span: Span | undefined;
      let response: Response | Promise<Response>;
      if (tracer) {
        const parent = propagation.extract(ROOT_CONTEXT, headers, getHeader);
        span = tracer.startSpan(
          request.method,
          {
            kind: SpanKind.SERVER,
            attributes: {
              'http.request.method': request.method,
              'url.path': loggedPath(request.url).split('?')[0] ?? '/',
              'http.request.header.x-request-id': [id],
            },
          },
          parent,
        );
        const active = trace.setSpan(parent, span);
        response = context.with(active, () => handler(request, bindings, headers));
      } else {
        response = handler(request, bindings, headers);
      }
      if (response instanceof Promise) {
        return response.then(
          (done) => finish(request, note, started, done, env, span),
          (error: unknown) => {
            span?.setStatus({ code: SpanStatusCode.ERROR });
            span?.end();
            throw error;
          },
        );
      }
      return finish(request, note, started, response, env, span);
    };

  return { wrap };
}
