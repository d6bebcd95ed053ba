import { Command, InvalidArgumentError, Option } from 'commander';

/** Parsed command-line options (every flag also reads an environment variable). */
export interface CliOptions {
  port: number;
  host: string;
  upstream?: string;
  profile?: string;
  cache: string;
  cacheMaxBytes: number;
  redisPrefix: string;
  ttl: number;
  staleWhileRevalidate: number;
  staleIfError: number;
  negativeTtl: number;
  authMode: 'proxy' | 'passthrough';
  tokensFile?: string;
  adminTokenFile?: string;
  partitionKeyFile?: string;
  publicUrl?: string;
  snapshotMaxItems: number;
  upstreamConcurrency: number;
  upstreamTimeout: number;
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

const url = (value: string): string => {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new InvalidArgumentError('expected an http(s) URL');
  }
  return value.replace(/\/+$/, '');
};

const cache = (value: string): string => {
  if (value === 'memory' || /^rediss?:\/\//.test(value)) return value;
  throw new InvalidArgumentError('expected "memory" or a redis:// URL');
};

const opt = (flags: string, description: string, env: string) => new Option(flags, description).env(env);

/**
 * The `atlas-checkpoints-proxy` command line (commander). Durations are in seconds.
 *
 * @example
 * const options = buildProgram().parse(['node', 'proxy', '--demo', '--port', '0']).opts<CliOptions>();
 */
export function buildProgram(): Command {
  return new Command('atlas-checkpoints-proxy')
    .description('A caching proxy for the MongoDB Atlas legacy backup checkpoints API (memory or Redis cache).')
    .addOption(
      opt('--port <n>', 'port to listen on (0 picks a free one)', 'ATLAS_PROXY_PORT').argParser(integer(0, 65535)).default(8080),
    )
    .addOption(opt('--host <host>', 'address to bind', 'ATLAS_PROXY_HOST').default('127.0.0.1'))
    .addOption(
      opt(
        '--upstream <url>',
        'Atlas base URL (default: MONGODB_ATLAS_OPS_MANAGER_URL, profile, or https://cloud.mongodb.com)',
        'ATLAS_PROXY_UPSTREAM',
      ).argParser(url),
    )
    .addOption(opt('--profile <name>', 'Atlas CLI profile for upstream credentials', 'ATLAS_PROXY_PROFILE'))
    .addOption(opt('--cache <memory|redis://…>', 'cache backend', 'ATLAS_PROXY_CACHE').argParser(cache).default('memory'))
    .addOption(
      opt(
        '--cache-max-bytes <n>',
        'bytes held in process (memory cache, or the local copy with Redis)',
        'ATLAS_PROXY_CACHE_MAX_BYTES',
      )
        .argParser(integer(1024))
        .default(256 * 1024 * 1024),
    )
    .addOption(
      opt('--redis-prefix <prefix>', 'namespace of Redis keys', 'ATLAS_PROXY_REDIS_PREFIX').default('atlas-checkpoints-proxy:'),
    )
    .addOption(opt('--ttl <s>', 'seconds an entry is fresh', 'ATLAS_PROXY_TTL').argParser(integer(0)).default(60))
    .addOption(
      opt(
        '--stale-while-revalidate <s>',
        'seconds a stale entry is served while one refresh runs',
        'ATLAS_PROXY_STALE_WHILE_REVALIDATE',
      )
        .argParser(integer(0))
        .default(300),
    )
    .addOption(
      opt('--stale-if-error <s>', 'seconds a stale entry is served when upstream fails', 'ATLAS_PROXY_STALE_IF_ERROR')
        .argParser(integer(0))
        .default(86_400),
    )
    .addOption(opt('--negative-ttl <s>', 'seconds a 404 is cached', 'ATLAS_PROXY_NEGATIVE_TTL').argParser(integer(0)).default(5))
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
        '--partition-key-file <path>',
        'file holding the HMAC key of passthrough partitions (share between replicas)',
        'ATLAS_PROXY_PARTITION_KEY_FILE',
      ),
    )
    .addOption(
      opt('--public-url <url>', 'origin written in links (default: the request origin)', 'ATLAS_PROXY_PUBLIC_URL').argParser(url),
    )
    .addOption(
      opt('--snapshot-max-items <n>', 'lists above this are cached page by page', 'ATLAS_PROXY_SNAPSHOT_MAX_ITEMS')
        .argParser(integer(1))
        .default(50_000),
    )
    .addOption(
      opt('--upstream-concurrency <n>', 'most concurrent upstream requests', 'ATLAS_PROXY_UPSTREAM_CONCURRENCY')
        .argParser(integer(1, 1024))
        .default(16),
    )
    .addOption(
      opt('--upstream-timeout <s>', 'seconds per upstream attempt', 'ATLAS_PROXY_UPSTREAM_TIMEOUT')
        .argParser(integer(1, 600))
        .default(10),
    )
    .addOption(
      opt('--log-level <level>', 'pino level', 'ATLAS_PROXY_LOG_LEVEL')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default('info'),
    )
    .addOption(opt('--demo', 'upstream is an embedded fake Atlas with seeded data', 'ATLAS_PROXY_DEMO').default(false))
    .showHelpAfterError()
    .exitOverride();
}
