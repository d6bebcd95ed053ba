import type { Encoding } from './rendered-cache.js';

const memo = new Map<string, Encoding>();

/**
 * Picks the encoding to send for an `Accept-Encoding` header: `br`, then `gzip`, else identity
 * (a `q=0` refuses one). Results are memoised per header value (bounded).
 *
 * @example
 * pickEncoding('gzip, deflate, br') // 'br'
 */
export function pickEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const known = memo.get(header);
  if (known) return known;
  const accepted = new Set<string>();
  for (const part of header.slice(0, 256).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(name.trim());
  }
  const picked: Encoding = accepted.has('br') ? 'br' : accepted.has('gzip') || accepted.has('*') ? 'gzip' : 'identity';
  if (memo.size < 256) memo.set(header, picked);
  return picked;
}
