import { Agent, request } from 'undici';

/** Options for {@link createUndiciFetch}. */
export interface UndiciFetchOptions {
  /** Upper bound on concurrent upstream connections (requests beyond it queue). */
  readonly connections: number;
  /** Per-request headers/body timeout in ms. */
  readonly timeoutMs: number;
}

/** A `fetch`-compatible transport with bounded concurrency, plus a way to close its pool. */
export interface UpstreamFetch {
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Requests started and not yet answered. */
  inFlight(): number;
  close(): Promise<void>;
}

/**
 * A `fetch` built on `undici.request` (about twice as fast as `fetch` for upstream calls) over a
 * pool of at most `connections` sockets per origin: upstream concurrency is bounded, the rest
 * queues. It never asks for compressed bodies, so bytes are never silently decoded.
 *
 * @example
 * const upstream = createUndiciFetch({ connections: 16, timeoutMs: 10_000 });
 * const client = createAtlasClient({ fetch: upstream.fetch });
 */
export function createUndiciFetch(options: UndiciFetchOptions): UpstreamFetch {
  const agent = new Agent({
    connections: Math.max(1, options.connections),
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    keepAliveTimeout: 10_000,
  });
  let inFlight = 0;
  const doFetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request && init === undefined ? input : new Request(input, init);
    const headers: Record<string, string> = {};
    req.headers.forEach((value, key) => {
      if (key !== 'accept-encoding') headers[key] = value;
    });
    inFlight += 1;
    try {
      const res = await request(req.url, {
        method: req.method as 'GET',
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? null : Buffer.from(await req.arrayBuffer()),
        signal: req.signal,
        dispatcher: agent,
      });
      const body = await res.body.arrayBuffer();
      const out = new Headers();
      for (const [key, value] of Object.entries(res.headers)) {
        if (value === undefined || key === 'content-encoding' || key === 'transfer-encoding' || key === 'connection') continue;
        for (const v of Array.isArray(value) ? value : [value]) out.append(key, v);
      }
      const nullBody = res.statusCode === 204 || res.statusCode === 304 || req.method === 'HEAD';
      return new Response(nullBody ? null : body, { status: res.statusCode, headers: out });
    } finally {
      inFlight -= 1;
    }
  };
  return { fetch: doFetch, inFlight: () => inFlight, close: () => agent.close() };
}
