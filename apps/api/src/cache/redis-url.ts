// The dependency-free entry point: the bin parses flags before loading core (see lazy-imports.test.ts).
import { redactCredentials } from '@atlas-checkpoints/core/redact';

/** Where the Redis cache lives, parsed from a `--cache` URL by {@link parseRedisUrl}. */
export type RedisTarget =
  | { readonly mode: 'standalone'; readonly url: string; readonly tls: boolean }
  | {
      readonly mode: 'sentinel';
      readonly tls: boolean;
      readonly sentinels: readonly { host: string; port: number }[];
      /** The master group name the sentinels monitor. */
      readonly name: string;
      readonly db: number;
      readonly username?: string | undefined;
      readonly password?: string | undefined;
    }
  | {
      readonly mode: 'cluster';
      readonly tls: boolean;
      /** Seed nodes; the rest of the cluster is discovered from them. */
      readonly nodes: readonly { host: string; port: number }[];
      readonly username?: string | undefined;
      readonly password?: string | undefined;
    };

const MULTI_HOST = /^(rediss?)-(sentinel|cluster):\/\/(?:([^@/]*)@)?([^/?#@]+)(?:\/([^/?#]*))?(?:\/([^/?#]*))?$/;

/**
 * Parses a Redis cache URL:
 * - `redis://[user:pass@]host:port[/db]` and `rediss://…` (TLS): one server;
 * - `redis-sentinel://[user:pass@]host:port[,host:port…]/<master name>[/db]` (and `rediss-sentinel://`):
 *   the master that Redis Sentinel names, followed across failovers; credentials are the data
 *   nodes', not the sentinels';
 * - `redis-cluster://[user:pass@]host:port[,host:port…]` (and `rediss-cluster://`): Redis Cluster
 *   from seed nodes.
 * Default ports: 6379 for a server or cluster node, 26379 for a sentinel.
 *
 * @throws {Error} a one-line message naming the expected forms when the URL is none of them.
 * @example
 * parseRedisUrl('redis-sentinel://10.0.0.1:26379,10.0.0.2:26379/mymaster')
 * // { mode: 'sentinel', tls: false, sentinels: [{ host: '10.0.0.1', port: 26379 }, …], name: 'mymaster', db: 0 }
 */
export function parseRedisUrl(value: string): RedisTarget {
  if (/^rediss?:\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`invalid Redis URL: ${redactCredentials(value)}`);
    }
    // `[/db]`: a database number or nothing (ioredis would read `/abc` as database 0).
    const path = url.pathname.replace(/^\/|\/$/g, '');
    if (path !== '' && !/^\d+$/.test(path)) throw new Error(`invalid Redis database number in ${redactCredentials(value)}`);
    return { mode: 'standalone', url: value, tls: value.startsWith('rediss:') };
  }
  const match = MULTI_HOST.exec(value);
  if (!match) {
    throw new Error(
      'expected "memory", redis://host:port, rediss://…, redis-sentinel://host:port[,host:port]/<master>, or redis-cluster://host:port[,host:port]',
    );
  }
  const [, scheme, mode, userinfo, hostList, first, second] = match;
  const tls = scheme === 'rediss';
  const defaultPort = mode === 'sentinel' ? 26379 : 6379;
  const hosts = (hostList ?? '').split(',').map((entry) => hostPort(entry, defaultPort, value));
  const credentials = userinfo === undefined ? {} : parseUserinfo(userinfo);
  if (mode === 'cluster') {
    if (first || second)
      throw new Error(`a redis-cluster:// URL has no path (Redis Cluster has one database): ${redactCredentials(value)}`);
    return { mode, tls, nodes: hosts, ...credentials };
  }
  if (!first) throw new Error(`a redis-sentinel:// URL names its master: redis-sentinel://host:26379/<master name>`);
  const db = second ? Number(second) : 0;
  if (!Number.isInteger(db) || db < 0) throw new Error(`invalid Redis database number in ${redactCredentials(value)}`);
  return { mode: 'sentinel', tls, sentinels: hosts, name: decodeURIComponent(first), db, ...credentials };
}

function hostPort(entry: string, defaultPort: number, url: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d+))?$/.exec(entry);
  const port = match?.[2] === undefined ? defaultPort : Number(match[2]);
  if (!match?.[1] || port < 1 || port > 65535) throw new Error(`invalid host:port "${entry}" in ${redactCredentials(url)}`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

function parseUserinfo(userinfo: string): { username?: string; password?: string } {
  const colon = userinfo.indexOf(':');
  const user = decodeURIComponent(colon < 0 ? userinfo : userinfo.slice(0, colon));
  const password = colon < 0 ? undefined : decodeURIComponent(userinfo.slice(colon + 1));
  return { ...(user ? { username: user } : {}), ...(password ? { password } : {}) };
}
