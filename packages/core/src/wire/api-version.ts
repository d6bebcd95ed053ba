/**
 * The first API version of every Atlas Administration API v2 resource. Atlas published every
 * resource at this version when it introduced resource versioning, so it is the one version all
 * operations share (source: "Migrate to the New Versioned Atlas Administration API", MongoDB docs).
 * This is the only place the date is spelled.
 */
export const ATLAS_API_VERSION = '2023-01-01';

/** An API version: a date `YYYY-MM-DD`, as it appears in `application/vnd.atlas.<date>+json`. */
export type ApiVersion = `${number}-${number}-${number}`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `value` is a calendar date written `YYYY-MM-DD` (`2024-02-29` yes, `2023-02-29` and
 * `2023-1-1` no): the form Atlas reads from a versioned `Accept` header.
 *
 * @example
 * isApiVersionDate('2025-03-12') // true
 * isApiVersionDate('latest') // false
 */
export function isApiVersionDate(value: string): value is ApiVersion {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The epoch milliseconds of a version date at 00:00 UTC.
 *
 * @example
 * versionTime('2027-07-01') // 1814400000000
 */
export function versionTime(version: ApiVersion): number {
  return Date.parse(`${version}T00:00:00Z`);
}
