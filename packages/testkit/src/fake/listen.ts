import { once } from 'node:events';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** Where to listen: port 0 picks a free port; host defaults to 127.0.0.1. */
export interface ListenOptions {
  readonly port?: number;
  readonly host?: string;
  /** Serve HTTPS with this key and certificate (PEM), e.g. from `createSelfSignedCertificate()`. */
  readonly tls?: { readonly key: string; readonly cert: string } | undefined;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/**
 * Serves a fetch handler over real HTTP (`@hono/node-server`).
 *
 * @example
 * const server = await listenOn(app.fetch, { port: 0 });
 * await server.close();
 */
export async function listenOn(
  fetch: (request: Request, env: never) => Response | Promise<Response>,
  options: ListenOptions = {},
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const handler = fetch as (request: Request) => Response | Promise<Response>;
  const server = options.tls
    ? serve({
        fetch: handler,
        port: options.port ?? 0,
        hostname: host,
        createServer: createHttpsServer,
        serverOptions: { key: options.tls.key, cert: options.tls.cert },
      })
    : serve({ fetch: handler, port: options.port ?? 0, hostname: host });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      return closed;
    },
  };
}
