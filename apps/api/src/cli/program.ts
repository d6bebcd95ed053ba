import { createRequire } from 'node:module';
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseRedisUrl } from '../cache/redis-url.js';
import { formatDuration, parseDuration } from './duration.js';

/** Parsed command-line options (every flag also reads an environment variable). Durations are in ms. */
export interface CliOptions {
  port: number;
  host: string;
  upstream?: string;
  profile?: string;
  cache: string;
  cacheMaxBytes: number;
  redisPrefix: string;
  /** CA certificates (PEM file) trusted for `rediss` connections, beside Node's. */
  redisCa?: string;
  /** ms, one Redis command */
  redisTimeout: number;
  /** ms */
  ttl: number;
  /** ms */
  staleWhileRevalidate: number;
  /** ms */
  staleIfError: number;
  /** ms */
  negativeTtl: number;
  /** ms */
  restoreJobTtl: number;
  /** ms */
  refusedTokenTtl: number;
  authMode: 'proxy' | 'passthrough';
  tokensFile?: string;
  adminTokenFile?: string;
  partitionKeyFile?: string;
  /** `http(s)://host[:port]`; normalised to its origin by `checkOptions`. */
  publicUrl?: string;
  snapshotMaxItems: number;
  upstreamConcurrency: number;
  upstreamQueue: number;
  /** ms, a whole fill (queue wait and retries included) */
  upstreamTimeout: number;
  upstreamRetries: number;
  /** Extra CA certificates (PEM file) trusted for the upstream, beside Node's. */
  upstreamCa?: string;
  /** ms readiness reports 503 before the listener closes */
  drainDelay: number;
  /** ms from SIGTERM to exit */
  shutdownTimeout: number;
  /** Port of `/metrics` alone; never the main `port` (0 picks a free one). */
  metricsPort?: number;
  metricsTokenFile?: string;
  logLevel: string;
  demo: boolean;
}

const integer =
  (min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    return n;
  };

/** A duration flag: plain seconds or with units, within [min, max] ms; the parsed value is in ms. */
const duration =
  (minMs: number, maxMs = 365 * 86_400_000) =>
  (value: string): number => {
    const ms = parseDuration(value);
    const range = `from ${formatDuration(minMs)} to ${formatDuration(maxMs)}`;
    if (ms === undefined)
      throw new InvalidArgumentError(`expected a duration such as 60s, 5m or 1h (plain numbers are seconds), ${range}`);
    if (ms < minMs || ms > maxMs) throw new InvalidArgumentError(`expected a duration ${range}`);
    return ms;
  };

const url = (value: string): string => {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new InvalidArgumentError('expected an http(s) URL');
  }
  return value.replace(/\/+$/, '');
};

/** An empty address would make Node listen on every interface: never what an empty variable meant. */
const host = (value: string): string => {
  if (value.trim() === '') throw new InvalidArgumentError('expected an address to bind (0.0.0.0 for every interface)');
  return value;
};

const cache = (value: string): string => {
  if (value === 'memory') return value;
  try {
    parseRedisUrl(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
  return value;
};

const redisPrefix = (value: string): string => {
  if (/[{}]/.test(value)) throw new InvalidArgumentError('must not contain "{" or "}" (Redis Cluster hash tags)');
  return value;
};

const manifest = createRequire(import.meta.url)('../../package.json') as { version: string };

const opt = (flags: string, description: string, env: string) => new Option(flags, description).env(env);

/**
 * The `atlas-checkpoints-proxy` command line (commander). Durations take units (`500ms`, `60s`,
 * `5m`, `1h`) or are plain seconds; they are parsed to milliseconds.
 *
 * @example
 * const options = buildProgram().parse(['node', 'proxy', '--demo', '--port', '0']).opts<CliOptions>();
 */
export function buildProgram(): Command {
  return new Command('atlas-checkpoints-proxy')
    .description(
      'A caching proxy for the MongoDB Atlas backup APIs: legacy checkpoints, Cloud Backup snapshots and restore jobs, legacy snapshots (memory or Redis cache).',
    )
    .addOption(
      opt('--port <n>', 'port to listen on (0 picks a free one)', 'ATLAS_PROXY_PORT').argParser(integer(0, 65535)).default(8080),
    )
    .addOption(opt('--host <host>', 'address to bind', 'ATLAS_PROXY_HOST').argParser(host).default('127.0.0.1'))
    .addOption(
      opt(
        '--upstream <url>',
        'Atlas base URL (default: MONGODB_ATLAS_OPS_MANAGER_URL, profile, or https://cloud.mongodb.com)',
        'ATLAS_PROXY_UPSTREAM',
      ).argParser(url),
    )
    .addOption(opt('--profile <name>', 'Atlas CLI profile for upstream credentials', 'ATLAS_PROXY_PROFILE'))
    .addOption(
      opt(
        '--cache <memory|url>',
        'cache backend: memory, redis[s]://host:port[/db], redis[s]-sentinel://host:port[,host:port]/<master>[/db] or redis[s]-cluster://host:port[,host:port]',
        'ATLAS_PROXY_CACHE',
      )
        .argParser(cache)
        .default('memory'),
    )
    .addOption(
      opt(
        '--cache-max-bytes <n>',
        'bytes held in process by every cache: entries (the memory cache, or the local copy with Redis) half, rendered bodies, parsed documents and aliases the rest',
        'ATLAS_PROXY_CACHE_MAX_BYTES',
      )
        .argParser(integer(1024))
        .default(256 * 1024 * 1024),
    )
    .addOption(
      opt('--redis-prefix <prefix>', 'namespace of Redis keys', 'ATLAS_PROXY_REDIS_PREFIX')
        .argParser(redisPrefix)
        .default('atlas-checkpoints-proxy:'),
    )
    .addOption(
      opt(
        '--redis-ca <path>',
        'PEM file of CA certificates trusted for rediss connections, beside the system ones',
        'ATLAS_PROXY_REDIS_CA',
      ),
    )
    .addOption(
      opt(
        '--redis-timeout <duration>',
        'longest wait for one Redis command; after 3 failures in a row Redis is left alone for 2s (local copy and upstream answer)',
        'ATLAS_PROXY_REDIS_TIMEOUT',
      )
        .argParser(duration(10, 60_000))
        .default(1_000, '1s'),
    )
    .addOption(
      opt('--ttl <duration>', 'how long an entry is fresh', 'ATLAS_PROXY_TTL').argParser(duration(0)).default(60_000, '60s'),
    )
    .addOption(
      opt(
        '--stale-while-revalidate <duration>',
        'how long a stale entry is served while one refresh runs',
        'ATLAS_PROXY_STALE_WHILE_REVALIDATE',
      )
        .argParser(duration(0))
        .default(300_000, '5m'),
    )
    .addOption(
      opt('--stale-if-error <duration>', 'how long a stale entry is served when upstream fails', 'ATLAS_PROXY_STALE_IF_ERROR')
        .argParser(duration(0))
        .default(86_400_000, '1d'),
    )
    .addOption(
      opt(
        '--restore-job-ttl <duration>',
        'how long an answer holding a running restore job is fresh (finished jobs: --ttl)',
        'ATLAS_PROXY_RESTORE_JOB_TTL',
      )
        .argParser(duration(0))
        .default(10_000, '10s'),
    )
    .addOption(
      opt('--negative-ttl <duration>', 'how long a 404 is cached', 'ATLAS_PROXY_NEGATIVE_TTL')
        .argParser(duration(0))
        .default(5_000, '5s'),
    )
    .addOption(
      opt(
        '--auth-mode <mode>',
        'proxy: callers use proxy tokens; passthrough: callers use their Atlas tokens',
        'ATLAS_PROXY_AUTH_MODE',
      )
        .choices(['proxy', 'passthrough'])
        .default('proxy'),
    )
    .addOption(opt('--tokens-file <path>', 'JSON file of proxy tokens [{"name","sha256","projects"}]', 'ATLAS_PROXY_TOKENS_FILE'))
    .addOption(
      opt('--admin-token-file <path>', 'file holding the bearer token for POST /admin/purge', 'ATLAS_PROXY_ADMIN_TOKEN_FILE'),
    )
    .addOption(
      opt(
        '--refused-token-ttl <duration>',
        "passthrough: how long upstream's 401 for a token is remembered (answered without asking again; 0 to ask every time)",
        'ATLAS_PROXY_REFUSED_TOKEN_TTL',
      )
        .argParser(duration(0, 3_600_000))
        .default(10_000, '10s'),
    )
    .addOption(
      opt(
        '--partition-key-file <path>',
        'file holding the HMAC key of passthrough partitions (share between replicas)',
        'ATLAS_PROXY_PARTITION_KEY_FILE',
      ),
    )
    .addOption(
      // Checked (and normalised to its origin) by checkOptions, whose message never repeats a password.
      opt(
        '--public-url <url>',
        'origin written in links, http(s)://host[:port] (default: the request origin)',
        'ATLAS_PROXY_PUBLIC_URL',
      ),
    )
    .addOption(
      opt('--snapshot-max-items <n>', 'lists above this are cached page by page', 'ATLAS_PROXY_SNAPSHOT_MAX_ITEMS')
        .argParser(integer(1))
        .default(50_000),
    )
    .addOption(
      opt(
        '--upstream-concurrency <n>',
        'most concurrent upstream fills (and connections per upstream origin)',
        'ATLAS_PROXY_UPSTREAM_CONCURRENCY',
      )
        .argParser(integer(1, 1024))
        .default(16),
    )
    .addOption(
      opt('--upstream-queue <n>', 'upstream fills waiting for a slot; beyond it, 503 + Retry-After', 'ATLAS_PROXY_UPSTREAM_QUEUE')
        .argParser(integer(0, 100_000))
        .default(64),
    )
    .addOption(
      opt(
        '--upstream-timeout <duration>',
        'longest upstream fill, queue wait and retries included',
        'ATLAS_PROXY_UPSTREAM_TIMEOUT',
      )
        .argParser(duration(100, 600_000))
        .default(10_000, '10s'),
    )
    .addOption(
      opt(
        '--upstream-retries <n>',
        'retries of a failed fill (network errors, 5xx) within the timeout',
        'ATLAS_PROXY_UPSTREAM_RETRIES',
      )
        .argParser(integer(0, 10))
        .default(1),
    )
    .addOption(
      opt(
        '--upstream-ca <path>',
        'PEM file of CA certificates trusted for the upstream, beside the system ones',
        'ATLAS_PROXY_UPSTREAM_CA',
      ),
    )
    .addOption(
      opt('--drain-delay <duration>', 'on SIGTERM, how long /readyz says 503 while still serving', 'ATLAS_PROXY_DRAIN_DELAY')
        .argParser(duration(0, 300_000))
        .default(5_000, '5s'),
    )
    .addOption(
      opt(
        '--shutdown-timeout <duration>',
        'on SIGTERM, longest time to exit (drain delay included); requests still running then get 503',
        'ATLAS_PROXY_SHUTDOWN_TIMEOUT',
      )
        .argParser(duration(1_000, 600_000))
        .default(25_000, '25s'),
    )
    .addOption(
      opt('--metrics-port <n>', 'serve /metrics on this port instead of the main one', 'ATLAS_PROXY_METRICS_PORT').argParser(
        integer(0, 65535),
      ),
    )
    .addOption(
      opt(
        '--metrics-token-file <path>',
        'file holding a bearer token /metrics requires (or the token itself in ATLAS_PROXY_METRICS_TOKEN)',
        'ATLAS_PROXY_METRICS_TOKEN_FILE',
      ),
    )
    .addOption(
      opt('--log-level <level>', 'pino level', 'ATLAS_PROXY_LOG_LEVEL')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default('info'),
    )
    .addOption(opt('--demo', 'upstream is an embedded fake Atlas with seeded data', 'ATLAS_PROXY_DEMO').default(false))
    .version(manifest.version, '-v, --version', 'print the version')
    .showHelpAfterError('Run with --help for usage.')
    .exitOverride();
}
