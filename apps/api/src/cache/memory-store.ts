import { LRUCache } from 'lru-cache';
import { entrySize, type CacheEntry } from './entry.js';
import { partitionOfKey } from './redis-keys.js';
import { globToRegExp, type CacheStore, type StoreLock } from './store.js';

/** Bytes counted per entry for its slot in the partition index. */
const INDEX_SLOT_BYTES = 48;

/** Options for {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Upper bound on bytes held (entries larger than this are not stored). */
  readonly maxBytes: number;
  /** Clock for expiry (ms); defaults to `Date.now`. */
  readonly now?: () => number;
}

/**
 * An in-process LRU bounded in bytes (lru-cache), with per-entry expiry, and an index of its keys
 * by partition (kept in step with the LRU through its `dispose` hook), so `deletePartition` touches
 * only that partition's keys.
 *
 * @example
 * const store = createMemoryStore({ maxBytes: 256 * 1024 * 1024 });
 */
export function createMemoryStore(options: MemoryStoreOptions): CacheStore {
  const now = options.now ?? Date.now;
  const byPartition = new Map<string, Set<string>>();
  const lru = new LRUCache<string, { entry: CacheEntry; expiresAt: number }>({
    maxSize: Math.max(1, options.maxBytes),
    // The partition index holds the same key string: only its slot there is extra.
    sizeCalculation: (value, key) => entrySize(value.entry) + key.length + INDEX_SLOT_BYTES,
    dispose: (_value, key, reason) => {
      if (reason === 'set') return; // replaced: the key stays
      const partition = partitionOfKey(key);
      const keys = byPartition.get(partition);
      keys?.delete(key);
      if (keys?.size === 0) byPartition.delete(partition);
    },
  });
  const granted: StoreLock = { release: async () => undefined };
  const peek = (key: string): CacheEntry | undefined => {
    const item = lru.get(key);
    if (!item) return undefined;
    if (item.expiresAt <= now()) {
      lru.delete(key);
      return undefined;
    }
    return item.entry;
  };
  return {
    kind: 'memory',
    peek,
    get: async (key) => peek(key),
    async set(key, entry, retainMs) {
      if (entrySize(entry) + key.length > options.maxBytes) return;
      lru.set(key, { entry, expiresAt: now() + retainMs });
      if (!lru.has(key)) return;
      const partition = partitionOfKey(key);
      let keys = byPartition.get(partition);
      if (!keys) {
        keys = new Set();
        byPartition.set(partition, keys);
      }
      keys.add(key);
    },
    async deletePartition(partition) {
      const keys = byPartition.get(partition);
      if (!keys) return 0;
      const count = keys.size;
      // Deleting disposes each key, which empties the set as it goes: iterate over a copy.
      for (const key of [...keys]) lru.delete(key);
      byPartition.delete(partition);
      return count;
    },
    async deleteMatching(glob) {
      const re = globToRegExp(glob);
      let count = 0;
      for (const key of [...lru.keys()]) {
        if (re.test(key)) {
          lru.delete(key);
          count += 1;
        }
      }
      return count;
    },
    async lock() {
      return granted;
    },
    waitUnlocked: async () => undefined,
    healthy: () => true,
    ping: async () => true,
    bytes: () => lru.calculatedSize,
    async close() {
      lru.clear();
    },
  };
}
