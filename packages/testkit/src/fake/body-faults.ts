import type { ServerResponse } from 'node:http';
import type { FaultRule } from './faults.js';

/** Header the in-process fetch turns into a network error (a dropped connection). */
export const DROP_MARKER = 'x-fake-atlas-dropped';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function copyHeaders(response: Response, bodyLength?: number): Headers {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  if (bodyLength !== undefined) headers.set('content-length', String(bodyLength));
  return headers;
}

/**
 * Rewrites a response for a body fault: `malformed` (half the JSON, complete transfer),
 * `truncate` (half the bytes, then the stream errors), `slowBody` (chunks with delays).
 *
 * @example
 * c.res = await applyBodyFault(c.res, { kind: 'truncate' });
 */
export async function applyBodyFault(response: Response, rule: FaultRule): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const init = { status: response.status, statusText: response.statusText };
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  if (rule.kind === 'malformed') return new Response(half, { ...init, headers: copyHeaders(response, half.length) });
  if (rule.kind === 'truncate') {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(half);
      },
      pull(controller) {
        controller.error(new TypeError('terminated: the fake dropped the connection mid-body'));
      },
    });
    return new Response(stream, { ...init, headers: copyHeaders(response, bytes.length) });
  }
  if (rule.kind === 'slowBody') {
    const chunks = Math.max(1, rule.chunks ?? 4);
    const size = Math.ceil(bytes.length / chunks);
    const delay = rule.chunkDelayMs ?? 50;
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (offset > 0) await sleep(delay);
        controller.enqueue(bytes.subarray(offset, offset + size));
        offset += size;
        if (offset >= bytes.length) controller.close();
      },
    });
    return new Response(stream, { ...init, headers: copyHeaders(response, bytes.length) });
  }
  return new Response(bytes, { ...init, headers: copyHeaders(response) });
}

/**
 * Over real HTTP, truncation is done on the socket: the full `Content-Length` is announced, half
 * the bytes are written, and the socket is destroyed. Returns the marker response
 * `@hono/node-server` leaves alone, or `undefined` when not running on a Node server.
 */
export async function truncateOnSocket(env: unknown, response: Response): Promise<Response | undefined> {
  const outgoing = (env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (!outgoing) return undefined;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  headers['content-length'] = String(bytes.length);
  outgoing.writeHead(response.status, headers);
  outgoing.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => outgoing.socket?.destroy());
  return new Response(null, { headers: { 'x-hono-already-sent': '1' } });
}
