import type { Dispatcher, fetch as undiciFetch } from 'undici';
import { proxyEnv, usesProxy, type ProxyEnv } from './proxy-env.js';

type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/**
 * The transport a client uses when none is injected: `globalThis.fetch`, or, when the environment
 * names a forward proxy (`HTTPS_PROXY` / `HTTP_PROXY`, minus `NO_PROXY`), undici's `fetch` through
 * one `EnvHttpProxyAgent` (Node's own `fetch` ignores those variables before Node 24). undici is
 * loaded on the first request, and only then. Extra CA certificates come from
 * `NODE_EXTRA_CA_CERTS`, which both honour.
 *
 * @example
 * const client = createAtlasClient({}); // HTTPS_PROXY=http://proxy.corp:3128 is honoured
 */
export function defaultTransport(env: ProxyEnv = proxyEnv()): Fetch {
  if (!usesProxy(env)) return (input, init) => globalThis.fetch(input, init);
  let loaded: Promise<{ fetch: typeof undiciFetch; dispatcher: Dispatcher }> | undefined;
  const load = async () => {
    const undici = await import('undici');
    const dispatcher = new undici.EnvHttpProxyAgent({
      httpProxy: env.httpProxy ?? '',
      httpsProxy: env.httpsProxy ?? '',
      noProxy: env.noProxy ?? '',
    });
    return { fetch: undici.fetch, dispatcher };
  };
  return async (input, init) => {
    const { fetch, dispatcher } = await (loaded ??= load());
    // undici's fetch takes only its own Request class: pass the parts, and hand back a global Response.
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const response = await fetch(request.url, {
      method: request.method,
      headers: [...request.headers],
      body: hasBody ? await request.arrayBuffer() : null,
      redirect: request.redirect,
      signal: request.signal,
      dispatcher,
    });
    const nullBody = response.status === 204 || response.status === 304 || request.method === 'HEAD';
    return new Response(nullBody ? null : (response.body as ReadableStream<Uint8Array> | null), {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
    });
  };
}
