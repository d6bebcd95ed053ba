import { ConfigError } from '../errors/index.js';

/**
 * Checks and normalises a base URL: http or https, no credentials, query or fragment, no trailing slash.
 *
 * @param origin says where the value came from, for the error (the value itself is not echoed).
 * @example
 * normalizeBaseUrl('https://cloud.mongodb.com/', 'flag --baseUrl') // 'https://cloud.mongodb.com'
 */
export function normalizeBaseUrl(value: string, origin: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(`The base URL from ${origin} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`The base URL from ${origin} must use http or https, not ${url.protocol.replace(/:$/, '')}`);
  }
  if (url.username || url.password) throw new ConfigError(`The base URL from ${origin} must not contain credentials`);
  if (url.search || url.hash) throw new ConfigError(`The base URL from ${origin} must not have a query or fragment`);
  return url.href.replace(/\/+$/, '');
}
