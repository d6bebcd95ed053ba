import { describe, expect, it } from 'vitest';
import { buildProgram, type CliOptions } from './program.js';
import { formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['60', 60_000],
    ['0', 0],
    ['0.5', 500],
    ['500ms', 500],
    ['60s', 60_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['1.5h', 5_400_000],
    [' 10s ', 10_000],
    ['10 minutes', 600_000],
    ['2H', 7_200_000],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', ' ', '-5', '-5s', '5x', '5 bananas', 's', '5s5', '1e3', 'Infinity', 'NaN', '0x10', '5mo', '1y'])(
    'refuses %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('formats what it reads back', () => {
    for (const ms of [0, 500, 1_000, 60_000, 300_000, 3_600_000, 86_400_000, 1_500]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
  });
});

describe('duration flags and environment variables', () => {
  const parse = (argv: string[], env: Record<string, string> = {}) => {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const program = buildProgram().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
      return program.parse(['node', 'proxy', ...argv]).opts<CliOptions>();
    } finally {
      for (const key of Object.keys(env)) if (saved[key] === undefined) delete process.env[key];
    }
  };

  it('take units or plain seconds, and default to the documented values', () => {
    const defaults = parse([]);
    expect(defaults).toMatchObject({
      ttl: 60_000,
      staleWhileRevalidate: 300_000,
      staleIfError: 86_400_000,
      negativeTtl: 5_000,
      upstreamTimeout: 10_000,
      drainDelay: 5_000,
      shutdownTimeout: 25_000,
    });
    expect(
      parse([
        '--ttl',
        '5m',
        '--stale-while-revalidate',
        '1h',
        '--stale-if-error',
        '2d',
        '--negative-ttl',
        '30',
        '--refused-token-ttl',
        '2m',
        '--upstream-timeout',
        '2500ms',
        '--drain-delay',
        '0',
        '--shutdown-timeout',
        '1m',
      ]),
    ).toMatchObject({
      ttl: 300_000,
      staleWhileRevalidate: 3_600_000,
      staleIfError: 172_800_000,
      negativeTtl: 30_000,
      refusedTokenTtl: 120_000,
      upstreamTimeout: 2_500,
      drainDelay: 0,
      shutdownTimeout: 60_000,
    });
  });

  it('read the same forms from environment variables', () => {
    expect(
      parse([], { ATLAS_PROXY_TTL: '1h', ATLAS_PROXY_UPSTREAM_TIMEOUT: '3', ATLAS_PROXY_DRAIN_DELAY: '1500ms' }),
    ).toMatchObject({ ttl: 3_600_000, upstreamTimeout: 3_000, drainDelay: 1_500 });
  });

  it('refuse a malformed or out-of-range duration with a usage error naming the flag', () => {
    expect(() => parse(['--ttl', '5x'])).toThrow(/--ttl.*duration such as 60s, 5m or 1h/s);
    expect(() => parse(['--upstream-timeout', '20m'])).toThrow(/--upstream-timeout.*from 100ms to 10m/s);
    expect(() => parse([], { ATLAS_PROXY_STALE_IF_ERROR: 'forever' })).toThrow(/stale-if-error/);
  });
});
