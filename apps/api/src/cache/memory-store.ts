import { LRUCache } from 'lru-cache';
import { entrySize, type CacheEntry } from './entry.js';
import { globToRegExp, type CacheStore, type StoreLock } from './store.js';

/** Options for {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Upper bound on bytes held (entries larger than this are not stored). */
  readonly maxBytes: number;
  /** Clock for expiry (ms); defaults to `Date.now`. */
  readonly now?: () => number;
}

/**
 * An in-process LRU bounded in bytes (lru-cache), with per-entry expiry.
 *
 * @example
 * const store = createMemoryStore({ maxBytes: 256 * 1024 * 1024 });
 */
export function createMemoryStore(options: MemoryStoreOptions): CacheStore {
  const now = options.now ?? Date.now;
  const lru = new LRUCache<string, { entry: CacheEntry; expiresAt: number }>({
    maxSize: Math.max(1, options.maxBytes),
    sizeCalculation: (value, key) => entrySize(value.entry) + key.length,
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
