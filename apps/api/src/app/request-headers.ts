import type { IncomingMessage, ServerResponse } from 'node:http';

/** What @hono/node-server passes as `env` (plus the proxy's note of the request, see `observe`). */
export interface NodeBindings {
  readonly incoming?: IncomingMessage | undefined;
  readonly outgoing?: ServerResponse | undefined;
}

/** A request's headers as one plain object with lower-case names. */
export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

/**
 * The request's headers, read the same way on every path (hit path, routes, access log): Node's
 * own parsed object when the request came through a Node server (no `Headers` object is built),
 * else the `Request`'s headers. With Node's object a repeated `Authorization` keeps its first
 * value (Node's rule); every path sees that same value.
 *
 * @example
 * const headers = requestHeaders(request, env); // headers['authorization']
 */
export function requestHeaders(request: Request, env: NodeBindings | undefined): HeaderBag {
  const incoming = env?.incoming;
  if (incoming) return incoming.headers;
  const bag: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    bag[name] = value;
  });
  return bag;
}

/** One header as a string (an array, which Node keeps only for `set-cookie`, joined). */
export function headerOf(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
