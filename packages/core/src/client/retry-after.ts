/**
 * `Retry-After` (RFC 9110 §10.2.3) in milliseconds: delay-seconds (`120`, fractions tolerated) or
 * an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`) relative to `now`, never negative; `undefined`
 * when absent or unreadable. The one parser of the toolkit: the client, its auth strategies, the
 * terminal UI and the proxy all read the header through it.
 *
 * @param value the header value (`headers.get('retry-after')`), or null when absent.
 * @param now the current time, ms since the epoch (for an HTTP-date).
 * @example
 * parseRetryAfter('2', Date.now()) // 2000
 * parseRetryAfter('Sat, 04 May 2024 09:42:10 GMT', Date.parse('2024-05-04T09:42:00Z')) // 10000
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date) || !/[a-z]/i.test(trimmed)) return undefined;
  return Math.max(0, date - now);
}

/**
 * A wait in milliseconds as a `Retry-After` delay-seconds value: whole seconds, rounded up so a
 * client never comes back early (RFC 9110 §10.2.3).
 *
 * @example
 * formatRetryAfter(1_200) // '2'
 */
export function formatRetryAfter(ms: number): string {
  return String(Math.max(0, Math.ceil(ms / 1000)));
}
