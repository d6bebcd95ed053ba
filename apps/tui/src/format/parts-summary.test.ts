import { describe, expect, it } from 'vitest';
import { partsSummary } from './columns.js';

describe('partsSummary', () => {
  it('counts shards and the config server in words', () => {
    const shard = { typeName: 'REPLICA_SET' as const };
    expect(partsSummary({ id: 'x', parts: [shard, shard, { typeName: 'CONFIG_SERVER_REPLICA_SET' }] })).toBe(
      '3: 2 shards + config',
    );
    expect(partsSummary({ id: 'x', parts: [shard, { typeName: 'CONFIG_SERVER' }] })).toBe('2: 1 shard + config');
    expect(partsSummary({ id: 'x', parts: [shard, { typeName: 'ANALYTICS_SHARD' }] })).toBe('2: 1 shard + 1 other');
    expect(partsSummary({ id: 'x', parts: [] })).toBe('');
    expect(partsSummary({ id: 'x' })).toBe('');
  });
});
