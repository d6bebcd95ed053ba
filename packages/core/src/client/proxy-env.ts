import { ConfigError } from '../errors/config-error.js';

/** The forward-proxy settings of an environment. */
export interface ProxyEnv {
  /** Proxy for `http:` URLs (`http_proxy`, else `HTTP_PROXY`). */
  readonly httpProxy?: string | undefined;
  /** Proxy for `https:` URLs (`https_proxy`, else `HTTPS_PROXY`); without one, `httpProxy` serves them too. */
  readonly httpsProxy?: string | undefined;
  /** Hosts reached directly (`no_proxy`, else `NO_PROXY`): comma- or space-separated names, `.suffix` or `*.suffix`, `host:port`, or `*`. */
  readonly noProxy?: string | undefined;
}

const pick = (env: Readonly<Record<string, string | undefined>>, name: string): string | undefined => {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

/**
 * A proxy variable's value, checked: an `http:` or `https:` URL with a host and a valid port.
 * @throws {ConfigError} naming the variable as it was set (never repeating its value: it may hold
 *   a password).
 */
const proxyUrl = (env: Readonly<Record<string, string | undefined>>, name: string): string | undefined => {
  const value = pick(env, name);
  if (value === undefined) return undefined;
  const set = env[name.toLowerCase()] !== undefined ? name.toLowerCase() : name.toUpperCase();
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
    throw new ConfigError(`${set} is not an http(s) proxy URL such as http://proxy.example.com:3128`);
  return value;
};

/**
 * Reads `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (lower-case names first, as curl and undici
 * do). The rules applied to them are undici's `EnvHttpProxyAgent`'s: an `https:` URL without an
 * HTTPS proxy uses the HTTP proxy; `NO_PROXY` matches a host, its subdomains, an optional port,
 * or everything (`*`).
 *
 * @throws {ConfigError} when a proxy variable is not an http(s) URL (it names the variable; command
 *   lines exit 2 on it).
 *
 * @example
 * proxyEnv({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'localhost,.internal' })
 * // { httpsProxy: 'http://proxy.corp:3128', noProxy: 'localhost,.internal' }
 */
export function proxyEnv(env: Readonly<Record<string, string | undefined>> = processEnv()): ProxyEnv {
  const out: { httpProxy?: string; httpsProxy?: string; noProxy?: string } = {};
  const httpProxy = proxyUrl(env, 'http_proxy');
  const httpsProxy = proxyUrl(env, 'https_proxy');
  const noProxy = pick(env, 'no_proxy');
  if (httpProxy !== undefined) out.httpProxy = httpProxy;
  if (httpsProxy !== undefined) out.httpsProxy = httpsProxy;
  if (noProxy !== undefined) out.noProxy = noProxy;
  return out;
}

/** `process.env`, or nothing where there is no `process`. */
function processEnv(): Readonly<Record<string, string | undefined>> {
  return typeof process === 'undefined' ? {} : process.env;
}

/** True when `env` names a forward proxy for either scheme. */
export function usesProxy(env: ProxyEnv): boolean {
  return env.httpProxy !== undefined || env.httpsProxy !== undefined;
}
