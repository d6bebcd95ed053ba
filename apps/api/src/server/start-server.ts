import { once } from 'node:events';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isValidHost, renderError, wireErrors } from '@atlas-checkpoints/core';
import { getRequestListener, RequestError, type HttpBindings } from '@hono/node-server';
import { proxyErrors, wireErrorAnswer } from '../http/proxy-errors.js';
import type { NodeHit } from '../observability/observe.js';
import { hasRepeatedSingleton } from './repeated-fields.js';
import { whenItsTurn } from './pipelined.js';

/** Server timeouts in ms. */
export interface ServerTimeouts {
  /**
   * Time to receive the request headers (default 10 000), enforced within a second (see
   * {@link checkingInterval}).
   */
  readonly headersTimeoutMs?: number;
  /** Time to receive the whole request (default 30 000). */
  readonly requestTimeoutMs?: number;
  /** Idle keep-alive socket lifetime (default 5 000). */
  readonly keepAliveTimeoutMs?: number;
}

/** A listening server. */
export interface RunningProxyServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /**
   * Stops accepting connections and closes idle keep-alive ones; resolves once every connection
   * has closed (requests in flight finish first).
   */
  stopAccepting(): Promise<void>;
  /** Closes every connection now, busy or not. */
  closeConnections(): void;
  /** {@link stopAccepting}, and after `graceMs` (default 10 000) {@link closeConnections}. */
  close(graceMs?: number): Promise<void>;
}

/** A fetch handler: `(request, env) => response`, `env` being @hono/node-server's HTTP/1 bindings (`incoming`, `outgoing`). */
type FetchHandler = (request: Request, env: HttpBindings) => Response | Promise<Response>;

/**
 * What `startServer` serves: a fetch handler, or an app with one and, optionally, a hit path on
 * Node's own objects and hooks for requests refused before any handler ran (a `Proxy`).
 */
export type Servable =
  | FetchHandler
  | {
      readonly fetch: FetchHandler;
      readonly nodeHit?: NodeHit | undefined;
      /**
       * Given the answer to a request refused before any handler ran (its `Host` is unusable, it
       * has more than one `Host` or `Authorization`, or node-server cannot make it a URL) and when
       * it arrived (`performance.now()`); returns the answer to send.
       */
      readonly refused?: ((incoming: IncomingMessage, answer: Response, arrived?: number) => Response) | undefined;
      /**
       * Given the status of a request Node's parser refused (400, 431, 408: there is no request to
       * read) and when that was noticed; returns the request id to send.
       */
      readonly parserRefused?: ((status: number, started: number) => string) | undefined;
    };

/**
 * Serves a fetch handler on `host:port` with @hono/node-server, with header, request and
 * keep-alive timeouts set. Given an app with a `nodeHit` (the proxy), each request goes to it
 * first, and to the fetch handler when it hands the request on. Port 0 picks a free port.
 *
 * @example
 * const running = await startServer(proxy, { port: 0, host: '127.0.0.1' });
 * console.log(running.url);
 */
export async function startServer(
  app: Servable,
  options: { port: number; host: string } & ServerTimeouts,
): Promise<RunningProxyServer> {
  const { fetch, nodeHit, refused, parserRefused } =
    typeof app === 'function' ? { fetch: app, nodeHit: undefined, refused: undefined, parserRefused: undefined } : app;
  // node-server builds the Request synchronously, first thing, and calls its errorHandler from
  // there when it cannot: `refusing` is the request being handed to it at that moment.
  let refusing: IncomingMessage | undefined;
  let refusingArrived = 0;
  const errorHandler = (error: unknown) => {
    const answer = answerListenerError(error, refusing?.headers.host);
    return refusing && refused && error instanceof RequestError ? refused(refusing, answer, refusingArrived) : answer;
  };
  // An HTTP/1 server: @hono/node-server's env is always its HttpBindings here.
  const listener = getRequestListener(fetch as Parameters<typeof getRequestListener>[0], { errorHandler });
  const full = (incoming: IncomingMessage, outgoing: ServerResponse, arrived: number) => {
    // Every unusable `Host` gets core's 400 INVALID_HOST_HEADER (RFC 9112 §3.2), whichever path
    // and whether links would use it or not: checked here, off the hit path (a hit's URL was
    // answered 200 by this path before, so its Host passed this check).
    const host = incoming.headers.host;
    if (host !== undefined && !isValidHost(host)) return refuseEarly(incoming, outgoing, arrived, refused, invalidHost());
    refusing = incoming;
    refusingArrived = arrived;
    void listener(incoming, outgoing);
    refusing = undefined;
  };
  const serve = (incoming: IncomingMessage, outgoing: ServerResponse, arrived: number) => {
    if (hasRepeatedSingleton(incoming.rawHeaders)) return refuseEarly(incoming, outgoing, arrived, refused, refusal());
    // Host names are case-insensitive (RFC 9110 §7.2); node-server refuses `Host: Name:port`.
    const host = incoming.headers.host;
    if (host === undefined) {
      // Only HTTP/1.1 requires a Host (RFC 9112 §3.2): an HTTP/1.0 request without one (a simple
      // health checker) is for this server, at the address it listens on. HTTP/1.1 without one
      // goes on to node-server's 400.
      if (incoming.httpVersion === '1.0') incoming.headers.host = authority;
    } else if (/[A-Z]/.test(host)) incoming.headers.host = host.toLowerCase();
    if (nodeHit) nodeHit(incoming, outgoing, () => full(incoming, outgoing, arrived), arrived);
    else full(incoming, outgoing, arrived);
  };
  // No `Host` at all in HTTP/1.1 (which requires one) is refused by node-server, Atlas-shaped and
  // logged, rather than by Node with an empty 400; HTTP/1.0 gets this server's address (`serve`).
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  let authority = '';
  const server = createServer(
    { requireHostHeader: false, connectionsCheckingInterval: checkingInterval(headersTimeout, requestTimeout) },
    (incoming, outgoing) => {
      const arrived = performance.now();
      // A pipelined request waits for its turn (see `whenItsTurn`).
      if (outgoing.socket === null) whenItsTurn(outgoing, () => serve(incoming, outgoing, arrived));
      else serve(incoming, outgoing, arrived);
    },
  );
  server.listen(options.port, options.host);
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
  server.maxHeadersCount = 100;
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => answerClientError(error, socket, parserRefused));
  // Node hands CONNECT to this event, never to the request handler, and without a listener it
  // closes the connection with no answer at all.
  server.on('connect', (incoming: IncomingMessage, socket: Socket) =>
    refuseConnect(incoming, socket, performance.now(), refused),
  );
  if (!server.listening) await once(server, 'listening');
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  authority = `${host}:${port}`;
  let closed: Promise<void> | undefined;
  const stopAccepting = () =>
    (closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }));
  return {
    url: `http://${authority}`,
    port,
    server,
    stopAccepting,
    closeConnections: () => server.closeAllConnections(),
    close: async (graceMs = 10_000) => {
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      timer.unref();
      await stopAccepting();
      clearTimeout(timer);
    },
  };
}

/**
 * How often Node checks the header and request timeouts of open connections: it only enforces
 * them on this tick (default 30 s, so a 10 s header timeout fired after up to 40 s, and a client
 * dripping header lines held a connection that long; RFC 9110 §15.5.9). A quarter of the shorter
 * timeout, at most 1 s and at least 50 ms, keeps each bound within about a second of its value.
 *
 * @example
 * checkingInterval(10_000, 30_000) // 1000
 * checkingInterval(300, 30_000) // 75
 */
export function checkingInterval(headersTimeoutMs: number, requestTimeoutMs: number): number {
  const shorter = Math.min(headersTimeoutMs || Infinity, requestTimeoutMs || Infinity);
  return Math.max(50, Math.min(1_000, Math.floor(shorter / 4)));
}

/**
 * Node's own answer to a request its parser refused (malformed HTTP 400, RFC 9112 §2.2; headers
 * too large 431, RFC 6585 §5; not received in time 408, RFC 9110 §15.5.9), made Atlas-shaped like
 * every other error: the same statuses Node picks, with an Atlas error document, then the
 * connection closes. With `record` (the proxy's `parserRefused`), it gets an access line, metrics
 * and an `X-Request-Id`. Nothing is written on a socket already closed, reset, or part way through
 * a response, nor for bytes after a request that asked to close while its answer is owed.
 */
function answerClientError(
  error: Error & { code?: string },
  socket: Socket,
  record: ((status: number, started: number) => string) | undefined,
): void {
  const started = performance.now();
  const pending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  // Bytes after a request that asked to close (RFC 9112 §9.6: not processed): the answer still
  // owed to that request is sent, and closes the connection, as it would have without them.
  if (error.code === 'HPE_CLOSED_CONNECTION' && pending) return;
  if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent === true) {
    socket.destroy();
    return;
  }
  const wire =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? proxyErrors.headersTooLarge()
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? proxyErrors.requestTimeout()
        : proxyErrors.badRequest();
  const extra: Record<string, string> = { 'cache-control': 'private', connection: 'close' };
  if (record) extra['x-request-id'] = record(wire.status, started);
  const rendered = renderError(wire.status, wire.body, extra);
  writeRaw(socket, rendered.status, rendered.headers, rendered.body);
}

/**
 * What @hono/node-server answers when it cannot build the `Request` (a target that is not a URL:
 * an Atlas-shaped 400; a `Host` that `isValidHost` accepts but that is not a URL's authority as
 * sent, such as the non-canonical address `127.1`: core's 400 `INVALID_HOST_HEADER` like any other
 * unusable Host, RFC 9112 §3.2) or the fetch handler throws (an Atlas-shaped 500): in place of its
 * own plain-text answers.
 */
function answerListenerError(error: unknown, host: string | undefined): Response {
  if (error instanceof RequestError) return host !== undefined && !isUrlAuthority(host) ? invalidHost() : refusal();
  return wireErrorAnswer(wireErrors.unexpected());
}

/**
 * Whether `host` is a URL's authority as sent: the WHATWG URL parser takes it and gives it back
 * unchanged (lower case). Not so for IPv4-looking names it refuses or rewrites (`256.1.1.1`,
 * `1.2.3.4.5`, `127.1`), which `isValidHost`'s syntax accepts.
 */
function isUrlAuthority(host: string): boolean {
  try {
    return new URL(`http://${host}/`).host === host.toLowerCase().replace(/:80$/, '');
  } catch {
    return false;
  }
}

/** The Atlas-shaped 400 of a request refused before any handler ran; the connection closes. */
function refusal(): Response {
  return wireErrorAnswer(proxyErrors.badRequest(), { connection: 'close' });
}

/** Core's 400 `INVALID_HOST_HEADER` (RFC 9112 §3.2) for an unusable `Host`; the connection closes. */
function invalidHost(): Response {
  return wireErrorAnswer(wireErrors.invalidHost(), { connection: 'close' });
}

/**
 * Answers CONNECT (a request to open a tunnel, RFC 9110 §9.3.6) with the Atlas-shaped 405 every
 * other method outside GET and HEAD gets, through `refused` (access line, metrics, request id):
 * this is a reverse proxy for the Atlas paths, not a forward proxy, so it tunnels nothing. The
 * connection closes after the answer.
 */
function refuseConnect(
  incoming: IncomingMessage,
  socket: Socket,
  arrived: number,
  refused: ((incoming: IncomingMessage, answer: Response, arrived?: number) => Response) | undefined,
): void {
  const wire = wireErrors.methodNotAllowed('CONNECT');
  const answer = wireErrorAnswer(wire, { connection: 'close' });
  const { status } = answer;
  const headers = Object.fromEntries((refused ? refused(incoming, answer, arrived) : answer).headers);
  void answer.text().then((body) => writeRaw(socket, status, headers, body));
}

/** Writes a whole HTTP/1.1 response on `socket` and ends it (for answers Node's own response objects cannot carry). */
function writeRaw(socket: Socket, status: number, headers: Readonly<Record<string, string>>, body: string): void {
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`];
  for (const [name, value] of Object.entries(headers)) if (name !== 'content-length') head.push(`${name}: ${value}`);
  head.push(`content-length: ${Buffer.byteLength(body)}`);
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * Answers a request refused before any handler ran with `refusal` (a 400: more than one `Host`,
 * RFC 9112 §3.2, or `Authorization`, RFC 9110 §11.6.2; an unusable `Host`), through `refused`
 * (access line, metrics, request id); the connection closes, so no request pipelined after it is
 * run (see `whenItsTurn`).
 */
function refuseEarly(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  arrived: number,
  refused: ((incoming: IncomingMessage, answer: Response, arrived?: number) => Response) | undefined,
  refusal: Response,
): void {
  const answer = refused ? refused(incoming, refusal, arrived) : refusal;
  incoming.resume();
  // Read before the body: node-server's `Response` forgets headers set on it once its body is read.
  const { status } = answer;
  const headers = Object.fromEntries(answer.headers);
  void answer.arrayBuffer().then((body) => {
    outgoing.writeHead(status, { ...headers, 'content-length': String(body.byteLength) });
    outgoing.end(Buffer.from(body));
  });
}
