import { createHash } from 'node:crypto';

/**
 * What the cache stores for one key. `doc` is one upstream document (a page or a resource),
 * `snapshot` is every item of a list fetched at once, `error` is a short-lived negative entry (404).
 * The body is the canonical JSON; rendering (`pretty`, `envelope`, links, slicing) happens later.
 */
export interface CacheEntry {
  readonly kind: 'doc' | 'snapshot' | 'error';
  /** Epoch ms when the upstream answer was received. */
  readonly storedAt: number;
  /** Strong hash of `body`: identifies the entry across replicas. */
  readonly etag: string;
  /** Upstream status (200, or 404 for a negative entry). */
  readonly status: number;
  /** Canonical JSON text. */
  readonly body: string;
  /**
   * How long this entry is fresh, when shorter than the policy's `ttlMs`: an answer holding a
   * document that may still change (a running restore job, core's `mayChange`) gets the policy's
   * `changingTtlMs`. Absent: the policy's `ttlMs`.
   */
  readonly ttlMs?: number;
}

/**
 * Builds an entry from a JSON-serialisable document.
 *
 * @example
 * const entry = createEntry('doc', { results: [] }, Date.now());
 */
export function createEntry(kind: CacheEntry['kind'], doc: unknown, storedAt: number, status = 200, ttlMs?: number): CacheEntry {
  const body = JSON.stringify(doc);
  const entry = { kind, storedAt, status, body, etag: hashText(body) };
  return ttlMs === undefined ? entry : { ...entry, ttlMs };
}

/** A short strong content hash (base64url of SHA-256, 22 chars). */
export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

const parsed = new WeakMap<CacheEntry, unknown>();

/**
 * The entry's document, parsed once per entry object.
 *
 * @example
 * const page = entryDoc(entry) as { results: unknown[] };
 */
export function entryDoc(entry: CacheEntry): unknown {
  if (parsed.has(entry)) return parsed.get(entry);
  const doc: unknown = JSON.parse(entry.body);
  parsed.set(entry, doc);
  return doc;
}

/** Approximate memory an entry holds, for byte-bounded stores. */
export function entrySize(entry: CacheEntry): number {
  return Buffer.byteLength(entry.body) + entry.etag.length + 64;
}

/** Checks an unknown value (e.g. parsed from Redis) is an entry. */
export function isCacheEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.kind === 'doc' || v.kind === 'snapshot' || v.kind === 'error') &&
    typeof v.storedAt === 'number' &&
    typeof v.etag === 'string' &&
    typeof v.status === 'number' &&
    typeof v.body === 'string' &&
    (v.ttlMs === undefined || typeof v.ttlMs === 'number')
  );
}
