/** Char codes, lower-cased, of the first letters of the singleton fields checked (`| 32` lower-cases an ASCII letter). */
const H = 104;
const A = 97;

/**
 * Whether a request has more than one `Host` or more than one `Authorization` field line. RFC
 * 9112 §3.2 says a server must answer a repeated `Host` 400; `Authorization` is a singleton field
 * too (RFC 9110 §11.6.2: one set of credentials, no list syntax), and Node keeps only the first of
 * either, so a second one would be silently ignored. `raw` is Node's `rawHeaders` (names at even
 * indexes, as sent): a scan of name lengths, and for a four- or thirteen-letter name its first
 * letter, before any string comparison, so a request with one of each costs a few integer
 * comparisons per field.
 *
 * @example
 * hasRepeatedSingleton(['Host', 'a.example', 'host', 'b.example']) // true
 * hasRepeatedSingleton(['Authorization', 'Bearer A', 'authorization', 'Bearer B']) // true
 */
export function hasRepeatedSingleton(raw: readonly string[]): boolean {
  let host = false;
  let authorization = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const { length } = name;
    if (length === 4) {
      if ((name.charCodeAt(0) | 32) !== H || (name !== 'Host' && name !== 'host' && name.toLowerCase() !== 'host')) continue;
      if (host) return true;
      host = true;
    } else if (length === 13) {
      if (
        (name.charCodeAt(0) | 32) !== A ||
        (name !== 'Authorization' && name !== 'authorization' && name.toLowerCase() !== 'authorization')
      )
        continue;
      if (authorization) return true;
      authorization = true;
    }
  }
  return false;
}
