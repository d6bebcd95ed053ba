import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { headerOf, requestHeaders, type HeaderBag, type NodeBindings } from '../app/request-headers.js';
import type { Hit } from '../app/respond.js';
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

/** The hit path as the proxy offers it: a hit, a promise of one or of `undefined`, or `undefined` (not cached). */
export type NodeHitSource = (
  method: string,
  url: string,
  headers: HeaderBag,
  requestId: string,
) => Hit | Promise<Hit | undefined> | undefined;

/**
 * Answers a request on Node's own objects, or hands it to `next` (the full path) untouched.
 * `arrived` is when the server got the request (`performance.now()`; default: now).
 */
export type NodeHit = (incoming: IncomingMessage, outgoing: ServerResponse, next: () => void, arrived?: number) => void;

/** A `Host` the hit path takes as it is: a lower-case name or IPv4 address, or a bracketed IPv6 address, and a port (node-server refuses an upper-case one). */
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** Options for {@link createObserver}. */
export interface ObserverOptions {
  readonly logger: Logger;
  readonly metrics: ProxyMetrics;
  readonly tracer?: Tracer | undefined;
}

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;
/**
 * A query that may carry a secret (a token someone put in the URL) is not logged. Tested on the
 * query's letters and digits alone (`to+ken`, `tok%00en`), so it errs towards dropping a query.
 */
const SECRET_LOOKING = /token|secret|pass|pwd|key|auth|sig|cred|session|sid|bearer|jwt|otp|private|code/i;
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

/**
 * The path and query (of a URL, or as they came) as logged: the query (or `;` parameters)
 * dropped when it looks like it holds a credential, as sent or percent-decoded (`?%74oken=…`).
 */
export function loggedPath(url: string): string {
  const start = url.startsWith('/') ? 0 : url.indexOf('/', url.indexOf('//') + 2);
  const path = start < 0 ? '/' : start === 0 ? url : url.slice(start);
  // The query, or path parameters (`;token=…`), from the first `?` or `;`.
  const q = path.search(/[?;]/);
  const clipped = q >= 0 && looksSecret(path.slice(q)) ? `${path.slice(0, q)}?[REDACTED]` : path;
  return clipped.length > 2048 ? `${clipped.slice(0, 2048)}…` : clipped;
}

function looksSecret(query: string): boolean {
  let text = query;
  // Decoded up to three times (`%2574oken` is `token` encoded twice); what cannot be decoded may hide a name.
  for (let round = 0; round < 3 && text.includes('%'); round += 1) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return true;
    }
  }
  return SECRET_LOOKING.test(query) || SECRET_LOOKING.test(text.replace(/[^a-z0-9]/gi, ''));
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
  /** The access line and the metrics of one answered request. */
  const record = (method: string | undefined, url: string | undefined, note: RequestNote, status: number, started: number) => {
    const ms = performance.now() - started;
    metrics.recordRequest(note.route, note.cache, status, ms / 1000);
    access({
      reqId: note.id,
      method,
      path: url === undefined ? undefined : loggedPath(url),
      route: note.route,
      status,
      cache: note.cache,
      ms: Math.round(ms * 1000) / 1000,
    });
  };
  const finish = (
    request: Request,
    note: RequestNote,
    started: number,
    response: Response,
    env: ProxyBindings | undefined,
    span: Span | undefined,
  ): Response => {
    const status = response.status;
    record(request.method, env?.incoming?.url ?? request.url, note, status, started);
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

  /**
   * The hit path on Node's own request and response, before @hono/node-server builds a `Request`
   * (its URL parse and its `Response` handling cost about a third of a 6 KB hit): `hit` is asked
   * with the URL node-server would build (`http://<Host><path>`, for an origin-form target and a
   * plain `Host`), and its answer is written with `writeHead`/`end`, with the same access line,
   * metrics and request id as any other answer. Anything else (`hit` answers `undefined`, another
   * method or target, an odd `Host`) goes to `next`, the full path, untouched. Not used with a
   * tracer (every request then gets its span on the full path).
   */
  const nodeHit =
    (hit: NodeHitSource): NodeHit =>
    (incoming, outgoing, next, arrived) => {
      const { method, url } = incoming;
      const host = incoming.headers.host;
      if ((method !== 'GET' && method !== 'HEAD') || url?.[0] !== '/' || host === undefined || !PLAIN_HOST.test(host))
        return next();
      const started = arrived ?? performance.now();
      const id = requestId(headerOf(incoming.headers, 'x-request-id'));
      const write = (found: Hit) => {
        const { answer } = found;
        outgoing.writeHead(answer.status, answer.headers);
        outgoing.end(answer.body ?? undefined);
        record(method, url, { id, route: found.route, cache: 'hit', idSent: true }, answer.status, started);
      };
      let found: ReturnType<NodeHitSource>;
      try {
        found = hit(method, `http://${host}${url}`, incoming.headers, id);
      } catch {
        return next();
      }
      if (found === undefined) return next();
      if (!(found instanceof Promise)) return write(found);
      found.then(
        (answer) => (answer ? write(answer) : next()),
        () => next(),
      );
    };

  /**
   * Records a request refused before any handler ran (@hono/node-server cannot make its `Host` or
   * target a URL, or it has more than one `Host`, RFC 9112 §3.2): the access line and metrics
   * (route `unmatched`), timed from `arrived` (when the server got it; default: now), and the
   * request id on `answer`.
   */
  const refused = (incoming: IncomingMessage, answer: Response, arrived?: number): Response => {
    const id = requestId(headerOf(incoming.headers, 'x-request-id'));
    answer.headers.set('x-request-id', id);
    const note: RequestNote = { id, route: 'unmatched', cache: 'none', idSent: true };
    record(incoming.method ?? '', incoming.url ?? '/', note, answer.status, arrived ?? performance.now());
    return answer;
  };

  /**
   * Records a request Node's parser refused, so there is no request to read (malformed, RFC 9112
   * §2.2 and §5: 400; headers too large, RFC 6585 §5: 431; not received in time, RFC 9110
   * §15.5.9: 408): the access line (route `unmatched`, `status`, no method or path) and metrics,
   * timed from `started`. Returns a new request id for the answer's `X-Request-Id`.
   */
  const parserRefused = (status: number, started: number): string => {
    const id = randomUUID();
    record(undefined, undefined, { id, route: 'unmatched', cache: 'none', idSent: true }, status, started);
    return id;
  };

  return { wrap, nodeHit, refused, parserRefused };
}
