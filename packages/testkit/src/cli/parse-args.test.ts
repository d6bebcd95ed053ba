import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './parse-args.js';

describe('parseArgs', () => {
  it('defaults to port 0 on 127.0.0.1 without auth', () => {
    expect(parseArgs([], {})).toMatchObject({ port: 0, host: '127.0.0.1', auth: 'none', latencyMs: 0, fixtures: { seed: 1 } });
  });

  it('reads sizes, seed, latency and flags over env credentials', () => {
    const config = parseArgs(
      [
        '--seed',
        '42',
        '--projects',
        '5',
        '--checkpoints-per-cluster',
        '10',
        '--latency',
        '20',
        '--auth',
        'oauth',
        '--client-id',
        'flag-id',
      ],
      { MONGODB_ATLAS_CLIENT_ID: 'env-id', MONGODB_ATLAS_CLIENT_SECRET: 'env-secret' },
    );
    expect(config.fixtures).toMatchObject({ seed: 42, projects: 5, checkpointsPerCluster: 10 });
    expect(config.latencyMs).toBe(20);
    expect(config.auth).toEqual({ oauth: [{ clientId: 'flag-id', clientSecret: 'env-secret' }] });
  });

  it('rejects bad values and missing credentials', () => {
    expect(() => parseArgs(['--port', '70000'], {})).toThrow(/between 0 and 65535/);
    expect(() => parseArgs(['--auth', 'basic'], {})).toThrow(/choices/);
    expect(() => parseArgs(['--auth', 'oauth'], {})).toThrow(UsageError);
  });
});
