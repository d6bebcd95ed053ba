import type { Command } from 'commander';
import { ProxyOptionsError, publicOrigin } from '../app/options.js';
import { formatDuration } from './duration.js';
import type { CliOptions } from './program.js';
import { UsageError } from './usage-error.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Refuses settings that contradict each other or would be accepted but mean nothing, once the
 * flags are parsed and before anything is read, imported or started; returns the options with
 * `publicUrl` normalised to its origin (see `publicOrigin`). Each message names the flag, or its
 * environment variable when that is where the value came from.
 *
 * @throws {UsageError} (one line) for a `--public-url` that is not an http(s) origin; a
 *   `--drain-delay` not shorter than `--shutdown-timeout`; `--demo` with `--upstream`, `--profile`
 *   or `--upstream-ca`; a Redis flag without a Redis `--cache` (`--redis-ca` without TLS); a
 *   passthrough-only flag in proxy mode or `--tokens-file` in passthrough; `--metrics-port` equal to
 *   a non-zero `--port`; a token given both in a file and in its variable, or empty or padded in
 *   the variable.
 *
 * @example
 * const checked = checkOptions(program, program.opts<CliOptions>(), process.env);
 */
export function checkOptions(program: Command, opts: CliOptions, env: Env): CliOptions {
  const given = (key: keyof CliOptions) => {
    const source = program.getOptionValueSource(key);
    return source === 'cli' || source === 'env';
  };
  const name = (key: keyof CliOptions) => {
    const option = program.options.find((o) => o.attributeName() === key);
    return program.getOptionValueSource(key) === 'env' && option?.envVar ? option.envVar : (option?.long ?? key);
  };

  let publicUrl = opts.publicUrl;
  if (publicUrl !== undefined) {
    try {
      publicUrl = publicOrigin(publicUrl, name('publicUrl'));
    } catch (error) {
      throw error instanceof ProxyOptionsError ? new UsageError(error.message) : error;
    }
  }

  if (opts.drainDelay >= opts.shutdownTimeout) {
    throw new UsageError(
      `${name('drainDelay')} (${formatDuration(opts.drainDelay)}) must be shorter than ${name('shutdownTimeout')} (${formatDuration(opts.shutdownTimeout)}): the drain would use the whole shutdown`,
    );
  }

  if (opts.demo) {
    for (const key of ['upstream', 'profile', 'upstreamCa'] as const) {
      if (given(key))
        throw new UsageError(
          `${name('demo')} serves an embedded fake Atlas: ${name(key)} does not apply (leave out one of them)`,
        );
    }
  }

  if (opts.cache === 'memory') {
    for (const key of ['redisPrefix', 'redisCa', 'redisTimeout'] as const) {
      if (given(key)) throw new UsageError(`${name(key)} applies to a Redis cache only, and ${name('cache')} is memory`);
    }
  } else if (opts.redisCa !== undefined && !/^rediss(?:-sentinel|-cluster)?:\/\//.test(opts.cache)) {
    throw new UsageError(`${name('redisCa')} applies to TLS connections only: use a rediss… URL in ${name('cache')}`);
  }

  if (opts.authMode === 'proxy') {
    for (const key of ['partitionKeyFile', 'refusedTokenTtl'] as const) {
      if (given(key)) throw new UsageError(`${name(key)} applies to --auth-mode passthrough only`);
    }
  } else if (opts.tokensFile !== undefined) {
    throw new UsageError(
      `${name('tokensFile')} applies to --auth-mode proxy only (passthrough forwards callers' own Atlas tokens)`,
    );
  }

  if (opts.metricsPort !== undefined && opts.metricsPort !== 0 && opts.metricsPort === opts.port) {
    throw new UsageError(
      `${name('metricsPort')} (${opts.metricsPort}) is ${name('port')}: give /metrics a port of its own, or leave ${name('metricsPort')} out`,
    );
  }

  checkToken(env, 'ATLAS_PROXY_METRICS_TOKEN', opts.metricsTokenFile === undefined ? undefined : name('metricsTokenFile'));
  checkToken(env, 'ATLAS_PROXY_ADMIN_TOKEN', opts.adminTokenFile === undefined ? undefined : name('adminTokenFile'));

  return publicUrl === undefined ? opts : { ...opts, publicUrl };
}

/** A token variable: not beside its file flag, not empty, not padded (a bearer token never matches then). */
function checkToken(env: Env, variable: string, fileFlag: string | undefined): void {
  const value = env[variable];
  if (value === undefined) return;
  if (fileFlag !== undefined) throw new UsageError(`${variable} and ${fileFlag} both give the token: keep one`);
  if (value.trim() === '') throw new UsageError(`${variable} is empty: unset it, or give the token`);
  if (value.trim() !== value)
    throw new UsageError(`${variable} has leading or trailing whitespace, which no bearer token can carry`);
}
