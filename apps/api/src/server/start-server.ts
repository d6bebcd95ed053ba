import { once } from 'node:events';
import { STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { renderError } from '@atlas-checkpoints/core';
import { serve } from '@hono/node-server';
import { proxyErrors } from '../http/proxy-errors.js';

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

/**
 * Serves a fetch handler on `host:port` with @hono/node-server, with header, request and
 * keep-alive timeouts set. Port 0 picks a free port.
 *
 * @example
 * const running = await startServer(proxy.fetch, { port: 0, host: '127.0.0.1' });
 * console.log(running.url);
 */
export async function startServer(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port: number; host: string } & ServerTimeouts,
): Promise<RunningProxyServer> {
  const server = serve({ fetch, port: options.port, hostname: options.host }) as Server;
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
