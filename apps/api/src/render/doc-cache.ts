import { LRUCache } from 'lru-cache';
import type { CacheEntry } from '../cache/entry.js';

/**
 * Heap bytes a parsed document is counted at, per byte of its JSON text. Measured with V8 on the
 * fixtures: about 1.5 for a list of 500 checkpoints, 2.5 for a small document; 3 keeps the count
 * above the real figure.
 */
const HEAP_BYTES_PER_JSON_BYTE = 3;

/**
 * Parsed entry documents (what rendering reads), in an LRU bounded in bytes: each counted at
 * {@link HEAP_BYTES_PER_JSON_BYTE} times its JSON text, keyed by the entry's content hash (one
 * parse for identical bodies, whoever's they are; documents are never modified). A document
 * larger than the bound is parsed for the one rendering and not kept.
 *
 * @example
 * const docs = createDocCache(32 * 1024 * 1024);
 * const doc = docs.of(entry) as { results: unknown[] };
 */
export function createDocCache(maxBytes: number) {
  const lru = new LRUCache<string, { doc: unknown; size: number }>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (value, key) => value.size + key.length,
  });
  return {
    /** The entry's document, parsed once while it stays in the LRU. */
    of(entry: CacheEntry): unknown {
      const kept = lru.get(entry.etag);
      if (kept) return kept.doc;
      const doc: unknown = JSON.parse(entry.body);
      const size = entry.body.length * HEAP_BYTES_PER_JSON_BYTE + 64;
      if (size + entry.etag.length <= maxBytes) lru.set(entry.etag, { doc, size });
      return doc;
    },
    bytes: () => lru.calculatedSize,
  };
}

/** The parsed-document cache returned by {@link createDocCache}. */
export type DocCache = ReturnType<typeof createDocCache>;
