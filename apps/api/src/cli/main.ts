import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AtlasAuth } from '@atlas-checkpoints/core';
import { redactCredentials } from '@atlas-checkpoints/core/redact';
import { CommanderError } from 'commander';
import { loadTokensFile, TokensFileError } from '../auth/tokens-file.js';
import { splitCacheBytes } from '../cache/memory-budget.js';
import type { CacheStore } from '../cache/store.js';
import type { ProxyMetrics } from '../observability/metrics.js';
import { ProxyOptionsError } from '../app/options.js';
import { checkOptions } from './check-options.js';
import { buildProgram, type CliOptions } from './program.js';
import { upstreamScope } from './upstream-scope.js';
import { UsageError } from './usage-error.js';

// Only commander and the option parsers load before arguments are parsed: `--help`, `--version`
// and usage errors never pay for hono, undici, pino, prom-client, ioredis, core or testkit. What
// the chosen options need is imported after parsing (the Redis store only for `--cache redis://…`,
// testkit only for `--demo`).

export { UsageError } from './usage-error.js';

interface Io {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const manifest = createRequire(import.meta.url)('../../package.json') as { version: string };

function readSecret(path: string, what: string): string {
  try {
    const value = readFileSync(path, 'utf8').trim();
    if (value === '') throw new UsageError(`${what} file ${path} is empty`);
    return value;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${what} file ${path}`);
  }
}

/**
 * Starts the proxy from command-line arguments; resolves with a `stop()` once listening. The first
 * stdout line is the URL it listens on.
 *
 * @example
 * const running = await startFromArgs(['node', 'atlas-checkpoints-proxy', '--demo', '--port', '0']);
 * await running.stop();
 */
export async function startFromArgs(
  argv: readonly string[],
  io: Io = defaultIo(),
  /** The bin owns its process: Node's warnings become JSON log lines (see `logProcessWarnings`). */
  options: { ownProcess?: boolean } = {},
) {
  const program = buildProgram();
  // commander repeats a refused argument as typed: a URL's password must not reach the log.
  program.configureOutput({
    writeOut: (s) => io.stdout(s.trimEnd()),
    writeErr: (s) => io.stderr(s.trimEnd()),
    outputError: (s, write) => write(redactCredentials(s)),
  });
  program.parse([...argv]);
  const parsed = program.opts<CliOptions>();
  // commander turns a boolean flag on whenever its env var is set, even to "false".
  if (program.getOptionValueSource('demo') === 'env') parsed.demo = envSwitch('ATLAS_PROXY_DEMO', process.env.ATLAS_PROXY_DEMO);
  // Contradictions and meaningless settings are refused before anything is read or started.
  const opts = checkOptions(program, parsed, io.env);
  const tokens = opts.tokensFile === undefined ? undefined : loadTokensFile(opts.tokensFile);
  if (!opts.demo && opts.authMode === 'proxy' && tokens === undefined)
    throw new UsageError('--auth-mode proxy needs --tokens-file (or use --demo)');
  const upstreamCa = opts.upstreamCa === undefined ? undefined : readPem(opts.upstreamCa, '--upstream-ca');
  const metricsToken =
    opts.metricsTokenFile === undefined ? io.env.ATLAS_PROXY_METRICS_TOKEN : readSecret(opts.metricsTokenFile, 'metrics token');
  const [
    core,
    { createLogger, flushLog, LOG_FLUSH_TIMEOUT_MS },
    { createProxy },
    { startServer },
    { shutdown },
    { startTracing, TracingConfigError },
    { logProcessWarnings },
  ] = await Promise.all([
    import('@atlas-checkpoints/core'),
    import('../observability/logger.js'),
    import('../app/create-proxy.js'),
    import('../server/start-server.js'),
    import('../server/shutdown.js'),
    import('../observability/tracing.js'),
    import('../observability/process-warnings.js'),
  ]);
  const tracing = await startTracing(io.env, { version: manifest.version }).catch((error: unknown) => {
    throw error instanceof TracingConfigError ? new UsageError(error.message) : error;
  });
  const logger = createLogger({ level: opts.logLevel });
  if (options.ownProcess) logProcessWarnings(logger);

  let upstreamUrl: string;
  let upstreamAuth: AtlasAuth = core.none();
  let upstreamFetch: ((input: Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Which upstream credential is used (core's precedence: service account, API key, access token), for the start line. */
  let credentials = 'none';
  if (opts.demo) {
    const { createFakeAtlas, generateDemoFixtures } = await import('@atlas-checkpoints/testkit');
    // The demo project first (every case of restore points: snapshots, checkpoints, a restore running), then three more.
    const fake = createFakeAtlas({
      fixtures: generateDemoFixtures({ seed: 42, projects: 3, clustersPerProject: 2, checkpointsPerCluster: 1_000 }),
    });
    upstreamUrl = fake.baseUrl;
    upstreamFetch = async (input, init) => fake.fetch(input, init);
    io.stderr(
      `atlas-checkpoints-proxy: DEMO MODE — upstream is an embedded fake Atlas with seeded data (seed 42), not MongoDB Atlas.${tokens ? '' : ' No token is required.'}`,
    );
  } else {
    const config = await core.resolveConfig({
      flags: { baseUrl: opts.upstream, profile: opts.profile },
      flagNames: { baseUrl: 'upstream', profile: 'profile' },
      env: io.env,
    });
    upstreamUrl = config.baseUrl;
    upstreamAuth = config.auth;
    credentials = config.credentials;
    if (opts.authMode === 'proxy' && config.credentials === 'none') {
      throw new UsageError(
        '--auth-mode proxy needs upstream credentials: MONGODB_ATLAS_CLIENT_ID/MONGODB_ATLAS_CLIENT_SECRET, API keys, MONGODB_ATLAS_ACCESS_TOKEN, or an Atlas CLI profile (--profile)',
      );
    }
  }

  // One bound for everything kept in process: the entries get half, the other caches the rest.
  const budget = splitCacheBytes(opts.cacheMaxBytes);
  const localBytes = budget.store;
  const store: CacheStore =
    opts.cache === 'memory'
      ? (await import('../cache/memory-store.js')).createMemoryStore({ maxBytes: localBytes })
      : (await import('../cache/redis-store.js')).createRedisStore({
          url: opts.cache,
          ca: opts.redisCa === undefined ? undefined : readPem(opts.redisCa, '--redis-ca'),
          commandTimeoutMs: opts.redisTimeout,
          // One namespace per (upstream, upstream credential): deployments that share a Redis but not
          // their Atlas credentials never read each other's entries.
          keyPrefix: `${opts.redisPrefix}${upstreamScope(upstreamUrl, upstreamAuth)}:`,
          localMaxBytes: localBytes,
          onHealthChange: (up) =>
            up ? logger.info('cache backend up') : logger.warn('cache backend down: serving from the local copy'),
        });
  if (opts.cache !== 'memory' && opts.authMode === 'passthrough' && opts.partitionKeyFile === undefined) {
    // A JSON line like every other: a deployment's stderr is parsed as JSON.
    logger.warn('passthrough partitions use a random key per process; set --partition-key-file to share them between replicas');
  }

  const proxy = createProxy({
    upstreamUrl,
    upstreamAuth,
    upstreamFetch,
    upstreamConnections: opts.upstreamConcurrency,
    upstreamQueue: opts.upstreamQueue,
    upstreamTimeoutMs: opts.upstreamTimeout,
    upstreamRetries: opts.upstreamRetries,
    upstreamProxy: core.proxyEnv(io.env),
    upstreamCa,
    tracer: tracing?.tracer,
    metricsToken,
    metricsOnMainPort: opts.metricsPort === undefined,
    authMode: opts.authMode,
    tokens,
    adminToken:
      opts.adminTokenFile === undefined ? io.env.ATLAS_PROXY_ADMIN_TOKEN : readSecret(opts.adminTokenFile, 'admin token'),
    refusedTokenTtlMs: opts.refusedTokenTtl,
    partitionKey:
      opts.partitionKeyFile === undefined ? undefined : Buffer.from(readSecret(opts.partitionKeyFile, 'partition key')),
    store,
    policy: {
      ttlMs: opts.ttl,
      staleWhileRevalidateMs: opts.staleWhileRevalidate,
      staleIfErrorMs: opts.staleIfError,
      negativeTtlMs: opts.negativeTtl,
      changingTtlMs: opts.restoreJobTtl,
    },
    snapshotMaxItems: opts.snapshotMaxItems,
    renderCacheBytes: budget.rendered,
    docCacheBytes: budget.docs,
    aliasBytes: budget.aliases,
    publicUrl: opts.publicUrl,
    logger,
  });
  const server = await startServer(proxy, { port: opts.port, host: opts.host });
  const metricsServer =
    opts.metricsPort === undefined
      ? undefined
      : await startServer(await metricsHandler(proxy.metrics, metricsToken), { port: opts.metricsPort, host: opts.host });
  io.stdout(server.url);
  logger.info(
    {
      url: server.url,
      metricsUrl: metricsServer === undefined ? undefined : `${metricsServer.url}/metrics`,
      upstream: upstreamUrl,
      credentials,
      cache: store.kind,
      authMode: opts.authMode,
      demo: opts.demo,
      tracing: tracing !== undefined,
      forwardProxy: Object.keys(core.proxyEnv(io.env)),
    },
    'listening',
  );
  let stopping: Promise<void> | undefined;
  return {
    url: server.url,
    metricsUrl: metricsServer?.url,
    /**
     * The graceful shutdown (see `shutdown`): readiness 503 for `--drain-delay` while serving, then
     * stop accepting, let requests finish, answer the rest 503 by `--shutdown-timeout`, close.
     */
    stop: () =>
      (stopping ??= shutdown(
        {
          drain: () => proxy.startDraining(),
          stopAccepting: () => server.stopAccepting(),
          inFlight: () => proxy.inFlight(),
          abortInFlight: () => proxy.abortInFlight(),
          closeConnections: () => server.closeConnections(),
          closeResources: async (timeoutMs) => {
            await Promise.all([proxy.close(timeoutMs), metricsServer?.close(0), tracing?.shutdown().catch(() => undefined)]);
          },
          onPhase: (phase, detail) => logger.info({ shutdown: phase, ...detail }, `shutdown: ${phase}`),
        },
        { drainDelayMs: opts.drainDelay, timeoutMs: opts.shutdownTimeout },
      ).finally(() => flushLog(logger, LOG_FLUSH_TIMEOUT_MS))),
  };
}

function readPem(path: string, flag: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${flag} file ${path}`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`${flag} file ${path} holds no PEM certificate`);
  return text;
}

/** `GET /metrics` alone, for `--metrics-port` (405 for other methods, 404 elsewhere). */
async function metricsHandler(metrics: ProxyMetrics, token: string | undefined) {
  const { metricsOnly } = await import('../app/ops-routes.js');
  return metricsOnly(metrics, token);
}

function envSwitch(name: string, value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false' || v === 'no' || v === 'off') return false;
  if (v === '1' || v === 'true' || v === 'yes' || v === 'on') return true;
  throw new UsageError(`${name} must be true or false, not ${JSON.stringify(value)}`);
}

function defaultIo(): Io {
  return {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
}

/**
 * The bin: starts the proxy, stops it gracefully on SIGTERM/SIGINT (a second signal exits at
 * once), and maps failures to exit codes (2 for usage and configuration errors, 1 otherwise).
 *
 * @example
 * await main(process.argv);
 */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    const running = await startFromArgs(argv, defaultIo(), { ownProcess: true });
    let signalled = false;
    const stop = () => {
      // A second signal ends it at once.
      if (signalled) process.exit(1);
      signalled = true;
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    // core is loaded by now if it threw; a usage error before that never pays for it
    const { isConfigError } = await import('@atlas-checkpoints/core');
    const usage =
      error instanceof UsageError ||
      error instanceof TokensFileError ||
      error instanceof ProxyOptionsError ||
      isConfigError(error);
    const cannotListen = isListenError(error);
    // A message may quote a value as given (a URL with its password): never on stderr.
    const message = redactCredentials(error instanceof Error ? error.message : String(error));
    process.stderr.write(
      `atlas-checkpoints-proxy: ${message}\n${usage ? 'Run with --help for usage.\n' : cannotListen ? 'Check --port, --metrics-port and --host.\n' : ''}`,
    );
    // A failure after one server started (the metrics port taken, say) must not leave a
    // half-started proxy serving without it: exit now (stderr is synchronous on Linux).
    process.exit(usage || cannotListen ? 2 : 1);
  }
}

/** A listen failure that is the configuration's (a port taken or forbidden, an address not on this host). */
function isListenError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}
