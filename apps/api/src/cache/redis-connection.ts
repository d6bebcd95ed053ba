import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisTarget } from './redis-url.js';

/** Connection behaviour shared by every mode. */
export interface RedisConnectOptions {
  /** PEM CA bundle trusted for TLS (`--redis-ca`), in addition to Node's. */
  readonly ca?: string | undefined;
  /** Per-command timeout in ms. */
  readonly commandTimeoutMs: number;
}

/**
 * Opens the ioredis client for a target: `Redis` for a server or a Sentinel-managed master,
 * `Cluster` for Redis Cluster. Commands never queue while disconnected and are never retried
 * (the store falls back to its local copy and upstream instead); connections retry by themselves.
 */
export function connectRedis(target: RedisTarget, options: RedisConnectOptions): Redis | Cluster {
  const tls = target.tls ? { ...(options.ca === undefined ? {} : { ca: [options.ca] }) } : undefined;
  const common: RedisOptions = {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(50 * times, 1_000),
    ...(tls ? { tls } : {}),
  };
  if (target.mode === 'standalone') return new Redis(target.url, common);
  const credentials = {
    ...(target.username === undefined ? {} : { username: target.username }),
    ...(target.password === undefined ? {} : { password: target.password }),
  };
  if (target.mode === 'sentinel') {
    return new Redis({
      ...common,
      ...credentials,
      sentinels: target.sentinels.map((node) => ({ ...node })),
      name: target.name,
      db: target.db,
      // Learn of a failover from the sentinels' +switch-master rather than from the next failed command.
      failoverDetector: true,
      sentinelRetryStrategy: (times) => Math.min(100 * times, 1_000),
      ...(tls ? { enableTLSForSentinelMode: true, sentinelTLS: tls } : {}),
    });
  }
  const clusterOptions: ClusterOptions = {
    enableOfflineQueue: false,
    redisOptions: { ...common, ...credentials },
    clusterRetryStrategy: (times) => Math.min(100 * times, 1_000),
    slotsRefreshTimeout: 2_000,
    ...(tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
  };
  return new Cluster(
    target.nodes.map((node) => ({ ...node })),
    clusterOptions,
  );
}
