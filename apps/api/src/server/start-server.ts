import { once } from 'node:events';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { renderError, wireErrors } from '@atlas-checkpoints/core';
import { getRequestListener, RequestError, type HttpBindings } from '@hono/node-server';
import { proxyErrors, wireErrorAnswer } from '../http/proxy-errors.js';
import type { NodeHit } from '../observability/observe.js';

/** Server timeouts in ms. */
export interface ServerTimeouts {
  /** Time to receive the request headers (default 10 000). */
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
 * Node's own objects and a hook for requests @hono/node-server refuses (a `Proxy`).
 */
export type Servable =
  | FetchHandler
  | {
      readonly fetch: FetchHandler;
      readonly nodeHit?: NodeHit | undefined;
      /** Given the answer to a request refused before any handler ran; returns the answer to send. */
      readonly refused?: ((incoming: IncomingMessage, answer: Response) => Response) | undefined;
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
  const { fetch, nodeHit, refused } = typeof app === 'function' ? { fetch: app, nodeHit: undefined, refused: undefined } : app;
  // node-server builds the Request synchronously, first thing, and calls its errorHandler from
  // there when it cannot: `refusing` is the request being handed to it at that moment.
  let refusing: IncomingMessage | undefined;
  const errorHandler = (error: unknown) => {
    const answer = answerListenerError(error);
    return refusing && refused && error instanceof RequestError ? refused(refusing, answer) : answer;
  };
  // An HTTP/1 server: @hono/node-server's env is always its HttpBindings here.
  const listener = getRequestListener(fetch as Parameters<typeof getRequestListener>[0], { errorHandler });
  const full = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    refusing = incoming;
    void listener(incoming, outgoing);
    refusing = undefined;
  };
  // No `Host` at all (HTTP/1.1 requires one) is refused by node-server like any unusable Host,
  // Atlas-shaped and logged, rather than by Node with an empty 400.
  const server = createServer({ requireHostHeader: false }, (incoming, outgoing) => {
    // Host names are case-insensitive (RFC 9110 §7.2); node-server refuses `Host: Name:port`.
    const host = incoming.headers.host;
    if (host !== undefined && /[A-Z]/.test(host)) incoming.headers.host = host.toLowerCase();
    if (nodeHit) nodeHit(incoming, outgoing, () => full(incoming, outgoing));
    else full(incoming, outgoing);
  });
  server.listen(options.port, options.host);
  server.headersTimeout = options.headersTimeoutMs ?? 10_000;
  server.requestTimeout = options.requestTimeoutMs ?? 30_000;
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
  server.maxHeadersCount = 100;
  server.on('clientError', answerClientError);
  if (!server.listening) await once(server, 'listening');
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  let closed: Promise<void> | undefined;
  const stopAccepting = () =>
    (closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }));
  return {
    url: `http://${host}:${port}`,
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
 * Node's own answer to a request its parser refused (malformed HTTP 400, headers too large 431,
 * not received in time 408), made Atlas-shaped like every other error: the same statuses Node
 * picks, with an Atlas error document, then the connection closes. Nothing is written on a socket
 * already closed, reset, or part way through a response.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  const busy = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (error.code === 'ECONNRESET' || !socket.writable || busy) {
    socket.destroy();
    return;
  }
  const wire =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? proxyErrors.headersTooLarge()
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? proxyErrors.requestTimeout()
        : proxyErrors.badRequest();
  const rendered = renderError(wire.status, wire.body, { 'cache-control': 'private', connection: 'close' });
  const head = [`HTTP/1.1 ${rendered.status} ${STATUS_CODES[rendered.status] ?? ''}`];
  for (const [name, value] of Object.entries(rendered.headers)) head.push(`${name}: ${value}`);
  head.push(`content-length: ${Buffer.byteLength(rendered.body)}`);
  socket.end(`${head.join('\r\n')}\r\n\r\n${rendered.body}`);
}

/**
 * What @hono/node-server answers when it cannot build the `Request` (a `Host` its URL check
 * refuses, such as `a:99999`, or a target that is not a URL: an Atlas-shaped 400) or the fetch
 * handler throws (an Atlas-shaped 500): in place of its own plain-text answers.
 */
function answerListenerError(error: unknown): Response {
  if (error instanceof RequestError) return wireErrorAnswer(proxyErrors.badRequest(), { connection: 'close' });
  return wireErrorAnswer(wireErrors.unexpected());
}
