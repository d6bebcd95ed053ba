import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { isCacheEntry, type CacheEntry } from './entry.js';
import { createMemoryStore } from './memory-store.js';
import type { CacheStore, StoreLock } from './store.js';

/** Options for {@link createRedisStore}. */
export interface RedisStoreOptions {
  /** `redis://[user:pass@]host:port[/db]`. */
  readonly url: string;
  /** Namespace for every key (default `atlas-checkpoints-proxy:`). */
  readonly keyPrefix?: string;
  /** Bytes of the in-process copy used between Redis reads and while Redis is away. */
  readonly localMaxBytes: number;
  /** Per-command timeout (default 1000 ms). */
  readonly commandTimeoutMs?: number;
  readonly now?: () => number;
  /** Called when Redis goes away or comes back. */
  readonly onHealthChange?: (healthy: boolean) => void;
}

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * A Redis-backed store shared by replicas: one hash per entry (`kind`, `storedAt`, `etag`,
 * `status`, `body`, and `ttlMs` when the entry has its own) expiring with `PEXPIRE`, a small in-process copy so a hit reads only the
 * metadata, and `SET NX PX` locks so one replica fetches a key at a time. When Redis is down it
 * keeps answering from the local copy and reconnects by itself.
 *
 * @example
 * const store = createRedisStore({ url: 'redis://127.0.0.1:6379', localMaxBytes: 64 * 1024 * 1024 });
 */
export function createRedisStore(options: RedisStoreOptions): CacheStore & { readonly redis: Redis } {
  const prefix = options.keyPrefix ?? 'atlas-checkpoints-proxy:';
  const local = createMemoryStore({ maxBytes: options.localMaxBytes, ...(options.now ? { now: options.now } : {}) });
  const redis = new Redis(options.url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    retryStrategy: (times) => Math.min(50 * times, 1000),
  });
  let healthy = false;
  const setHealthy = (value: boolean) => {
    if (value === healthy) return;
    healthy = value;
    options.onHealthChange?.(value);
  };
  redis.on('ready', () => setHealthy(true));
  redis.on('close', () => setHealthy(false));
  redis.on('error', () => setHealthy(false));

  const attempt = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (redis.status !== 'ready') return undefined;
    try {
      return await fn();
    } catch {
      setHealthy(false);
      return undefined;
    }
  };

  return {
    kind: 'redis',
    redis,
    async get(key) {
      const meta = await attempt(() => redis.hmget(prefix + key, 'kind', 'storedAt', 'etag', 'status', 'ttlMs'));
      if (meta === undefined) return local.get(key);
      const [kind, storedAt, etag, status, ttlMs] = meta;
      if (!kind || !storedAt || !etag || !status) return undefined;
      const copy = await local.get(key);
      if (copy && copy.etag === etag) {
        return copy.storedAt === Number(storedAt) ? copy : { ...copy, storedAt: Number(storedAt) };
      }
      const body = await attempt(() => redis.hget(prefix + key, 'body'));
      if (typeof body !== 'string') return copy;
      const entry = {
        kind,
        storedAt: Number(storedAt),
        etag,
        status: Number(status),
        body,
        ...(ttlMs ? { ttlMs: Number(ttlMs) } : {}),
      };
      if (!isCacheEntry(entry)) return undefined;
      const ttl = await attempt(() => redis.pttl(prefix + key));
      await local.set(key, entry, ttl !== undefined && ttl > 0 ? ttl : 1000);
      return entry;
    },
    async set(key, entry: CacheEntry, retainMs) {
      await local.set(key, entry, retainMs);
      await attempt(() =>
        redis
          .multi()
          // Replaced whole (atomically): a field of the previous entry (`ttlMs`) never outlives it.
          .del(prefix + key)
          .hset(prefix + key, {
            kind: entry.kind,
            storedAt: String(entry.storedAt),
            etag: entry.etag,
            status: String(entry.status),
            body: entry.body,
            ...(entry.ttlMs === undefined ? {} : { ttlMs: String(entry.ttlMs) }),
          })
          .pexpire(prefix + key, Math.max(1, Math.round(retainMs)))
          .exec(),
      );
    },
    async deleteMatching(glob) {
      let count = await local.deleteMatching(glob);
      const removed = await attempt(async () => {
        let cursor = '0';
        let n = 0;
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', prefix + glob, 'COUNT', 500);
          cursor = next;
          if (keys.length > 0) n += await redis.unlink(...keys);
        } while (cursor !== '0');
        return n;
      });
      count = Math.max(count, removed ?? 0);
      return count;
    },
    async lock(key, ttlMs): Promise<StoreLock | undefined> {
      const owner = randomUUID();
      const lockKey = `${prefix}lock:${key}`;
      const result = await attempt(() => redis.set(lockKey, owner, 'PX', Math.max(1, Math.round(ttlMs)), 'NX'));
      if (result === null) return undefined;
      return {
        release: async () => {
          if (result === 'OK') await attempt(() => redis.eval(RELEASE, 1, lockKey, owner));
        },
      };
    },
    async waitUnlocked(key, timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const exists = await attempt(() => redis.exists(`${prefix}lock:${key}`));
        if (exists !== 1) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    healthy: () => healthy && redis.status === 'ready',
    async ping() {
      const pong = await attempt(() => redis.ping());
      setHealthy(pong === 'PONG');
      return pong === 'PONG';
    },
    bytes: () => local.bytes(),
    async close() {
      await local.close();
      redis.disconnect();
    },
  };
}
