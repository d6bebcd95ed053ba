import type { CacheEntry } from './entry.js';

/** A cross-replica lock held while one replica fetches a key upstream. */
export interface StoreLock {
  release(): Promise<void>;
}

/**
 * Where entries live: the in-process LRU or Redis. Keys are the normalised keys from `keys.ts`.
 * A store never throws on `get`/`set`: when its backend is unavailable it degrades (a local copy
 * or nothing) and reports `healthy() === false`.
 */
export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<CacheEntry | undefined>;
  /**
   * The entry, read synchronously, for stores that answer without I/O (the memory store): a hit
   * then needs no promise at all. Stores backed by a server (Redis) leave it out.
   */
  peek?(key: string): CacheEntry | undefined;
  set(key: string, entry: CacheEntry, retainMs: number): Promise<void>;
  /** Deletes every key matching a glob where `*` matches any run of characters; returns how many (a purge: admin only). */
  deleteMatching(glob: string): Promise<number>;
  /**
   * Deletes every key of one partition (see `partitionOfKey`) through the store's per-partition
   * index, at the cost of that partition's size (nothing for a partition with no entries); returns
   * how many. Used when upstream refuses a passthrough token (401/403), however many keys others hold.
   */
  deletePartition(partition: string): Promise<number>;
  /**
   * Tries to take the fetch lock for `key` across replicas: a lock, or `undefined` when another
   * replica holds it. Stores without replicas always grant it.
   */
  lock(key: string, ttlMs: number): Promise<StoreLock | undefined>;
  /** Resolves once no replica holds the lock for `key` (or after `timeoutMs`). */
  waitUnlocked(key: string, timeoutMs: number): Promise<void>;
  /** Whether the backend answered its last call. */
  healthy(): boolean;
  /** Checks the backend now. */
  ping(): Promise<boolean>;
  /** Bytes held in process. */
  bytes(): number;
  close(): Promise<void>;
}

/** Converts a store glob (`*` only) to an anchored RegExp. */
export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}
