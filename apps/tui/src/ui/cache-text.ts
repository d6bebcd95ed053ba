import { printable } from '../format/printable.js';
import type { CacheInfo } from '../state/types.js';

/**
 * What the nearest cache did, from an RFC 9211 `Cache-Status` (its last member): `hit`, the `fwd`
 * reason (`miss`, `stale`, `bypass`), else `forwarded`.
 */
function outcome(status: string): string {
  const member = status.split(',').at(-1) ?? '';
  const params = member.split(';').map((p) => p.trim().toLowerCase());
  if (params.includes('hit')) return 'hit';
  const fwd = params.find((p) => p.startsWith('fwd='))?.slice(4);
  return fwd === undefined || fwd === '' ? 'forwarded' : fwd.replace(/^"|"$/g, '');
}

/**
 * The header's cache info, longest first: the whole `Cache-Status` with the age, then a short form
 * (`cache hit · age 21s`) for a narrower terminal. Made printable (the header comes from the network).
 *
 * @example
 * cacheTexts({ status: 'atlas-checkpoints-proxy; hit; ttl=42', age: 21 })
 * // ['cache: atlas-checkpoints-proxy; hit; ttl=42 age 21s', 'cache hit · age 21s']
 */
export function cacheTexts(info: CacheInfo | undefined): readonly string[] {
  if (info === undefined) return [];
  const age = info.age === undefined || !Number.isFinite(info.age) ? undefined : info.age;
  return [
    printable(`cache: ${info.status}${age === undefined ? '' : ` age ${age}s`}`),
    printable(`cache ${outcome(info.status)}${age === undefined ? '' : ` · age ${age}s`}`),
  ];
}
