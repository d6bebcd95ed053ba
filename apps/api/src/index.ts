/**
 * @atlas-checkpoints/api: `atlas-checkpoints-proxy`, a caching proxy (memory or Redis) in front
 * of the MongoDB Atlas legacy backup checkpoints API.
 */
export { createProxy } from './app/create-proxy.js';
export type { Proxy } from './app/create-proxy.js';
export type { ProxyOptions } from './app/options.js';
export { ProxyOptionsError } from './app/options.js';
export { startServer } from './server/start-server.js';
export type { RunningProxyServer, ServerTimeouts } from './server/start-server.js';
export { createMemoryStore } from './cache/memory-store.js';
export type { MemoryStoreOptions } from './cache/memory-store.js';
export { createRedisStore } from './cache/redis-store.js';
export type { RedisStoreOptions } from './cache/redis-store.js';
export type { CacheStore, StoreLock } from './cache/store.js';
export type { CacheEntry } from './cache/entry.js';
export type { CachePolicy } from './cache/freshness.js';
export { cacheStatus } from './cache/cache-status.js';
export type { CacheOutcome } from './cache/cache-status.js';
export { loadTokensFile, parseTokens, TokensFileError } from './auth/tokens-file.js';
export type { ProxyToken } from './auth/tokens-file.js';
export { buildOpenApi } from './openapi/build-openapi.js';
export { createLogger } from './observability/logger.js';
export { startFromArgs, main, UsageError } from './cli/main.js';
export { buildProgram } from './cli/program.js';
export type { CliOptions } from './cli/program.js';
