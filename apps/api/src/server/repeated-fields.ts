/**
 * Whether a request has more than one `Host` field line, which RFC 9112 §3.2 says a server must
 * answer 400 (Node keeps the first in `headers.host`). `raw` is Node's `rawHeaders` (names at even
 * indexes, as sent): a scan of name lengths, comparing only four-letter names, so a request with
 * one `Host` costs a few integer comparisons.
 *
 * @example
 * hasRepeatedHost(['Host', 'a.example', 'host', 'b.example']) // true
 */
export function hasRepeatedHost(raw: readonly string[]): boolean {
  let seen = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    if (name?.length !== 4 || (name !== 'Host' && name !== 'host' && name.toLowerCase() !== 'host')) continue;
    if (seen) return true;
    seen = true;
  }
  return false;
}
