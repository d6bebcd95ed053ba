/**
 * The Redis key layout, cluster-safe: every key of one partition carries the partition as a hash
 * tag, `<prefix>{<partition>}:<rest>`, so a partition's entries, their fetch locks and its key index
 * hash to one slot and any multi-key operation on them (MULTI, Lua, UNLINK of several keys) is valid
 * on Redis Cluster. Source of the rule: Redis Cluster specification, "Hash tags".
 *
 * - entry: `<prefix>{<partition>}:<cache key>` (a hash)
 * - fetch lock: `<prefix>{<partition>}:lock:<cache key>`
 * - partition index: `<prefix>{<partition>}:index` (a set of cache keys)
 */

/** The partition of a cache key (its fourth segment, see `cacheKey`): `proxy` or a principal's HMAC. */
export function partitionOfKey(key: string): string {
  return key.split('/', 4)[3] ?? '-';
}

/** The Redis key of the entry under `key`. */
export function entryKey(prefix: string, key: string): string {
  return `${prefix}{${partitionOfKey(key)}}:${key}`;
}

/** The Redis key of the fetch lock of `key`. */
export function lockKey(prefix: string, key: string): string {
  return `${prefix}{${partitionOfKey(key)}}:lock:${key}`;
}

/** A Redis `SCAN MATCH` pattern for the entries whose cache key matches `glob` (`*` only), in any partition. */
export function entryPattern(prefix: string, glob: string): string {
  return `${escapeGlob(prefix)}{*}:${glob
    .split('*')
    .map((part) => escapeGlob(part))
    .join('*')}`;
}

/** Throws when a key prefix would break the hash tags (a `{` or `}` in it). */
export function checkKeyPrefix(prefix: string): string {
  if (/[{}]/.test(prefix)) throw new Error(`Redis key prefix must not contain "{" or "}": ${JSON.stringify(prefix)}`);
  return prefix;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
