import { versionTime, type ApiVersion } from './api-version.js';
import { atlasContentType } from './media-type.js';
import type { Operation } from './operation.js';

/** What the spec says about one version of an operation being retired. */
export interface VersionLifecycle {
  /** When the version was deprecated; undefined when it is not. */
  readonly deprecated?: ApiVersion | undefined;
  /** When it stops being served (`x-sunset`); undefined when the spec gives no date. */
  readonly sunset?: ApiVersion | undefined;
}

/**
 * The deprecation facts of one version: a version with a newer one was deprecated when its
 * successor was published (Atlas deprecates a resource version as it releases the next one, per
 * "Versioned Atlas Administration API Overview"); an operation the spec marks `deprecated` with
 * no newer version gives no date, so the version's own date stands in for it. `sunset` is the
 * spec's `x-sunset`.
 *
 * @example
 * versionLifecycle(OPERATIONS.listGroupClusters, '2023-01-01') // { deprecated: '2023-02-01', sunset: '2027-07-01' }
 */
export function versionLifecycle(operation: Pick<Operation, 'versions' | 'deprecated'>, version: ApiVersion): VersionLifecycle {
  const index = operation.versions.findIndex((entry) => entry.version === version);
  const entry = operation.versions[index];
  if (!entry) return {};
  const successor = operation.versions[index + 1];
  const deprecated = successor ? successor.version : operation.deprecated ? version : undefined;
  return { deprecated, sunset: entry.sunset };
}

/**
 * The headers of a success answer for a version: `Content-Type` naming it, and `Deprecation`
 * (RFC 9745: `@<epoch seconds>`) and `Sunset` (RFC 8594: an HTTP-date) when the spec says so.
 * A fresh object each time.
 *
 * @example
 * versionHeaders(OPERATIONS.listGroupClusters, '2023-01-01')
 * // { 'content-type': 'application/vnd.atlas.2023-01-01+json;charset=utf-8', deprecation: '@1675209600', sunset: 'Thu, 01 Jul 2027 00:00:00 GMT' }
 */
export function versionHeaders(
  operation: Pick<Operation, 'versions' | 'deprecated'>,
  version: ApiVersion,
): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': atlasContentType(version) };
  const { deprecated, sunset } = versionLifecycle(operation, version);
  if (deprecated !== undefined) headers.deprecation = `@${versionTime(deprecated) / 1000}`;
  if (sunset !== undefined) headers.sunset = new Date(versionTime(sunset)).toUTCString();
  return headers;
}

/** What a response said about its resource being retired. */
export interface DeprecationHeaders {
  /** The response carried `Deprecation`. */
  readonly deprecated: boolean;
  /** Its date, when it gave one (`@<seconds>` or an HTTP-date). */
  readonly deprecation?: Date | undefined;
  /** The `Sunset` date, when present and readable. */
  readonly sunset?: Date | undefined;
}

function readDate(value: string): Date | undefined {
  const trimmed = value.trim();
  const structured = /^@(-?\d+)$/.exec(trimmed);
  const time = structured ? Number(structured[1]) * 1000 : /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isFinite(time) ? new Date(time) : undefined;
}

/**
 * Reads `Deprecation` and `Sunset` tolerantly: RFC 9745's `@<seconds>`, an HTTP-date (earlier
 * drafts), or `true` (deprecated, no date); an unreadable date is left out.
 *
 * @example
 * readDeprecationHeaders(response.headers) // { deprecated: true, deprecation: 2023-02-01T00:00:00.000Z, sunset: 2027-07-01T00:00:00.000Z }
 */
export function readDeprecationHeaders(headers: Headers): DeprecationHeaders {
  const deprecation = headers.get('deprecation');
  const sunset = headers.get('sunset');
  const deprecated = deprecation !== null && deprecation.trim().toLowerCase() !== 'false';
  return {
    deprecated,
    ...(deprecated ? { deprecation: readDate(deprecation) } : {}),
    ...(sunset !== null ? { sunset: readDate(sunset) } : {}),
  };
}
