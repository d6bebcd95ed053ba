import { randomUUID } from 'node:crypto';
import { circuitBreaker, CircuitState, ConsecutiveBreaker, handleAll } from 'cockatiel';
import { Cluster, type Redis } from 'ioredis';
import { isCacheEntry, type CacheEntry } from './entry.js';
import { createMemoryStore } from './memory-store.js';
import { connectRedis } from './redis-connection.js';
import { checkKeyPrefix, entryKey, entryPattern, lockKey, partitionOfKey } from './redis-keys.js';
import { parseRedisUrl } from './redis-url.js';
import type { CacheStore, StoreLock } from './store.js';

/** Options for {@link createRedisStore}. */
export interface RedisStoreOptions {
  /**
   * `redis://[user:pass@]host:port[/db]`, `rediss://…` (TLS), `redis-sentinel://host:port[,…]/<master>`
   * or `redis-cluster://host:port[,…]` (and their `rediss-` forms); see `parseRedisUrl`.
   */
  readonly url: string;
  /** PEM CA bundle trusted for TLS connections (`--redis-ca`). */
  readonly ca?: string | undefined;
  /** Namespace for every key (default `atlas-checkpoints-proxy:`); no `{` or `}` (they would break the hash tags). */
  readonly keyPrefix?: string;
  /** Bytes of the in-process copy used between Redis reads and while Redis is away. */
  readonly localMaxBytes: number;
  /** Per-command timeout (default 1000 ms). */
  readonly commandTimeoutMs?: number;
  /** Consecutive failed or timed-out commands after which Redis is left alone (default 3). */
  readonly failureThreshold?: number;
  /** How long Redis is then left alone before one `PING` checks it again, in ms (default 2 000). */
  readonly retryAfterMs?: number;
  readonly now?: () => number;
  /** Called when Redis goes away or comes back. */
  readonly onHealthChange?: (healthy: boolean) => void;
}

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * A Redis-backed store shared by replicas: one hash per entry (`kind`, `storedAt`, `etag`,
 * `status`, `body`, and `ttlMs` when the entry has its own) expiring with `PEXPIRE`, a small in-process copy so a hit reads only the
 * metadata, and `SET NX PX` locks so one replica fetches a key at a time. Works with one server,
 * a Sentinel-managed master (followed across failovers) or Redis Cluster (keys are hash-tagged by
 * partition, see `redis-keys.ts`).
 *
 * Redis is treated like a failing upstream: after `failureThreshold` consecutive failed or
 * timed-out commands (a crashed, partitioned or hung Redis) a circuit breaker (cockatiel) opens and
 * every call answers at once from the local copy (a miss goes upstream) instead of waiting for its
 * command timeout; one background `PING` every `retryAfterMs` closes it again. `healthy()` is false
 * meanwhile (readiness reports `degraded`).
 *
 * @throws {Error} when the URL or key prefix is invalid (see `parseRedisUrl`, `checkKeyPrefix`).
 * @example
 * const store = createRedisStore({ url: 'redis-sentinel://10.0.0.1:26379,10.0.0.2:26379/mymaster', localMaxBytes: 64 * 1024 * 1024 });
 */
export function createRedisStore(options: RedisStoreOptions): CacheStore & { readonly redis: Redis | Cluster } {
  const prefix = checkKeyPrefix(options.keyPrefix ?? 'atlas-checkpoints-proxy:');
  const target = parseRedisUrl(options.url);
  const local = createMemoryStore({ maxBytes: options.localMaxBytes, ...(options.now ? { now: options.now } : {}) });
  const redis = connectRedis(target, { ca: options.ca, commandTimeoutMs: options.commandTimeoutMs ?? 1000 });
  const retryAfterMs = options.retryAfterMs ?? 2_000;
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: retryAfterMs,
    breaker: new ConsecutiveBreaker(options.failureThreshold ?? 3),
  });

  let healthy = false;
  let closed = false;
  const refresh = () => {
    const value = redis.status === 'ready' && breaker.state === CircuitState.Closed;
    if (value === healthy) return;
    healthy = value;
    options.onHealthChange?.(value);
  };
  redis.on('ready', refresh);
  redis.on('close', refresh);
  // ioredis ends a connection it has given up on (seen after a Sentinel failover under load:
  // status `end`, no more retries); a store that is not closed connects it again.
  redis.on('end', () => {
    refresh();
    if (closed) return;
    setTimeout(() => {
      if (!closed && redis.status === 'end') redis.connect().catch(() => undefined);
    }, retryAfterMs).unref();
  });
  redis.on('error', refresh);

  // While the breaker is open no request touches Redis; this probe alone checks it again.
  let probe: NodeJS.Timeout | undefined;
  const scheduleProbe = () => {
    if (probe !== undefined || closed) return;
    probe = setTimeout(() => {
      probe = undefined;
      breaker
        .execute(() => redis.ping())
        .catch(() => undefined)
        .finally(() => {
          if (breaker.state !== CircuitState.Closed) scheduleProbe();
        });
    }, retryAfterMs + 10);
    probe.unref();
  };
  breaker.onBreak(() => {
    refresh();
    scheduleProbe();
  });
  breaker.onReset(refresh);

  const attempt = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (redis.status !== 'ready' || breaker.state !== CircuitState.Closed) return undefined;
    try {
      return await breaker.execute(fn);
    } catch {
      return undefined;
    }
  };

  // The servers holding keys: every master of a cluster, else the one connection.
  const masters = (): Redis[] => (redis instanceof Cluster ? redis.nodes('master') : [redis]);

  return {
    kind: 'redis',
    redis,
    async get(key) {
      const id = entryKey(prefix, key);
      const meta = await attempt(() => redis.hmget(id, 'kind', 'storedAt', 'etag', 'status', 'ttlMs'));
      if (meta === undefined) return local.get(key);
      const [kind, storedAt, etag, status, ttlMs] = meta;
      if (!kind || !storedAt || !etag || !status) return undefined;
      const copy = await local.get(key);
      if (copy && copy.etag === etag) {
        return copy.storedAt === Number(storedAt) ? copy : { ...copy, storedAt: Number(storedAt) };
      }
      const body = await attempt(() => redis.hget(id, 'body'));
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
      const ttl = await attempt(() => redis.pttl(id));
      await local.set(key, entry, ttl !== undefined && ttl > 0 ? ttl : 1000);
      return entry;
    },
    async set(key, entry: CacheEntry, retainMs) {
      await local.set(key, entry, retainMs);
      const id = entryKey(prefix, key);
      await attempt(() =>
        redis
          .multi()
          // Replaced whole (atomically): a field of the previous entry (`ttlMs`) never outlives it.
          .del(id)
          .hset(id, {
            kind: entry.kind,
            storedAt: String(entry.storedAt),
            etag: entry.etag,
            status: String(entry.status),
            body: entry.body,
            ...(entry.ttlMs === undefined ? {} : { ttlMs: String(entry.ttlMs) }),
          })
          .pexpire(id, Math.max(1, Math.round(retainMs)))
          .exec(),
      );
      // The partition's index, so a refused token's entries are dropped without a scan.
      await attempt(() => indexEntry(redis, prefix, key, retainMs));
    },
    async deleteMatching(glob) {
      const count = await local.deleteMatching(glob);
      const pattern = entryPattern(prefix, glob);
      const removed = await attempt(async () => {
        let n = 0;
        for (const node of masters()) n += await unlinkMatching(node, pattern);
        return n;
      });
      return Math.max(count, removed ?? 0);
    },
    async deletePartition(partition) {
      const count = await local.deletePartition(partition);
      const removed = await attempt(() => dropPartition(redis, prefix, partition));
      return Math.max(count, removed ?? 0);
    },
    async lock(key, ttlMs): Promise<StoreLock | undefined> {
      const owner = randomUUID();
      const id = lockKey(prefix, key);
      const result = await attempt(() => redis.set(id, owner, 'PX', Math.max(1, Math.round(ttlMs)), 'NX'));
      if (result === null) return undefined;
      return {
        release: async () => {
          if (result === 'OK') await attempt(() => redis.eval(RELEASE, 1, id, owner));
        },
      };
    },
    async waitUnlocked(key, timeoutMs) {
      const until = Date.now() + timeoutMs;
      const id = lockKey(prefix, key);
      while (Date.now() < until) {
        const exists = await attempt(() => redis.exists(id));
        if (exists !== 1) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    healthy: () => {
      refresh();
      return healthy;
    },
    async ping() {
      await attempt(() => redis.ping());
      refresh();
      return healthy;
    },
    bytes: () => local.bytes(),
    async close() {
      closed = true;
      clearTimeout(probe);
      await local.close();
      redis.disconnect();
    },
  };
}

/**
 * Unlinks the keys of one server matching `pattern` (SCAN, so the server is never blocked), one
 * UNLINK per hash tag: keys sharing a tag share a slot, so this is valid on a cluster node too.
 */
async function unlinkMatching(node: Redis, pattern: string): Promise<number> {
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    const bySlot = new Map<string, string[]>();
    for (const key of keys) {
      const tag = /\{[^}]*\}/.exec(key)?.[0] ?? key;
      const group = bySlot.get(tag);
      if (group) group.push(key);
      else bySlot.set(tag, [key]);
    }
    for (const group of bySlot.values()) n += await node.unlink(...group);
  } while (cursor !== '0');
  return n;
}

/** The SET of a partition's entry keys: `<prefix>{<partition>}:index`, in the partition's hash slot. */
function indexKey(prefix: string, partition: string): string {
  return `${prefix}{${partition}}:index`;
}

/** The commands the partition index uses (a single server's client or a cluster's). */
type PartitionCommands = Pick<Redis, 'multi' | 'smembers' | 'unlink'>;

/** Keys deleted per `UNLINK` when a partition is dropped. */
const UNLINK_BATCH = 500;

/**
 * Adds `key` to its partition's index, which lives as long as its longest-lived entry (its expiry
 * set on a new index, extended otherwise). One slot: valid on Redis Cluster.
 */
async function indexEntry(redis: PartitionCommands, prefix: string, key: string, retainMs: number): Promise<void> {
  const index = indexKey(prefix, partitionOfKey(key));
  const ms = Math.max(1, Math.round(retainMs));
  await redis.multi().sadd(index, key).pexpire(index, ms, 'NX').pexpire(index, ms, 'GT').exec();
}

/** Unlinks every entry a partition's index names, and the index: the cost of that partition's size. */
async function dropPartition(redis: PartitionCommands, prefix: string, partition: string): Promise<number> {
  const index = indexKey(prefix, partition);
  const keys = await redis.smembers(index);
  let n = 0;
  for (let i = 0; i < keys.length; i += UNLINK_BATCH) {
    n += await redis.unlink(...keys.slice(i, i + UNLINK_BATCH).map((key) => entryKey(prefix, key)));
  }
  await redis.unlink(index);
  return n;
}
