import { wireErrors } from './wire-errors.js';

const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?$`);

/**
 * True when `host` (a URL's `host`: name or address, optional port) is a syntactically valid
 * host: DNS labels of letters, digits, `-` and `_` (container names use it), an IPv4 address, or
 * a bracketed IPv6 address. A `Host` header with a quote, a brace or a space is not.
 *
 * @example
 * isValidHost('proxy.internal:8080') // true
 * isValidHost('a"b') // false
 */
export function isValidHost(host: string): boolean {
  return host.length <= 255 && HOST.test(host);
}

/**
 * The origin a server writes into `links`: `publicUrl` (trailing `/` removed) when it is
 * configured, else the request URL's own origin, which comes from the caller's `Host` header and
 * so is used only when it is a valid host. Throws the 400 `WireError` RFC 9112 §3.2 asks for
 * otherwise.
 *
 * @example
 * linkOrigin('http://127.0.0.1:8080/api/atlas/v2/groups') // 'http://127.0.0.1:8080'
 * linkOrigin('http://evil/api', 'https://atlas-proxy.example.com') // 'https://atlas-proxy.example.com'
 */
export function linkOrigin(requestUrl: string | URL, publicUrl?: string): string {
  if (publicUrl !== undefined) return publicUrl.replace(/\/+$/, '');
  let url: URL;
  try {
    url = typeof requestUrl === 'string' ? new URL(requestUrl) : requestUrl;
  } catch {
    throw wireErrors.invalidHost();
  }
  if (!isValidHost(url.host)) throw wireErrors.invalidHost();
  return url.origin;
}
