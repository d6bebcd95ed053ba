import { ProxyApiError, proxyErrors } from './api-error.js';

const VERSIONED = /^application\/vnd\.atlas\.([^+]*)\+json$/;

/**
 * Checks `Accept` the way Atlas does for these endpoints (API version 2023-01-01 only): a missing
 * header, `*\/*`, `application/*`, `application/json` or the 2023-01-01 media type pass; another
 * version gets a 406.
 *
 * @example
 * checkAccept('application/vnd.atlas.2023-01-01+json') // passes
 */
export function checkAccept(accept: string | undefined): void {
  if (accept === undefined || accept === '' || accept === '*/*' || accept === 'application/vnd.atlas.2023-01-01+json') return;
  let rejected: ProxyApiError | undefined;
  for (const entry of accept.slice(0, 1024).split(',')) {
    const type = (entry.split(';')[0] ?? '').trim().toLowerCase();
    if (type === '*/*' || type === 'application/*' || type === 'application/json' || type === '') return;
    const match = VERSIONED.exec(type);
    if (!match) continue;
    const version = match[1] ?? '';
    if (version === '2023-01-01') return;
    rejected ??= /^\d{4}-\d{2}-\d{2}$/.test(version)
      ? new ProxyApiError(
          406,
          'NOT_ACCEPTABLE',
          `The requested API version ${version} is not available through this proxy. Available: 2023-01-01.`,
        )
      : proxyErrors.invalidVersionDate(version);
  }
  throw (
    rejected ?? new ProxyApiError(406, 'NOT_ACCEPTABLE', 'Unsupported Accept header. Use application/vnd.atlas.2023-01-01+json.')
  );
}
