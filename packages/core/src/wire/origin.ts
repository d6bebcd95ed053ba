import { wireErrors } from './wire-errors.js';

const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?$`);

/**
 * True when `host` (a URL's `host` or a `Host` field value: name or address, optional port) is a
 * syntactically valid host a server can write into links (RFC 9112 §3.2, RFC 3986 §3.2.2): DNS
 * labels of letters, digits, `-` and `_` (container names use it), an IPv4 address, or a bracketed
 * IPv6 address, with a port from 1 to 65535 if any (port 0 cannot be connected to, RFC 6335 §6).
 * A `Host` header with a quote, a brace, a space, an empty label, an empty port or a port out of
 * range is not.
 *
 * @example
 * isValidHost('proxy.internal:8080') // true
 * isValidHost('a"b') // false
 * isValidHost('127.0.0.1:0') // false
 */
export function isValidHost(host: string): boolean {
  if (host.length > 255) return false;
  const match = HOST.exec(host);
  if (match === null) return false;
  const port = match[1];
  if (port === undefined) return true;
  const number = Number(port);
  return number >= 1 && number <= 65_535;
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
