import { describe, expect, it } from 'vitest';
import { checkKeyPrefix, entryKey, entryPattern, lockKey, partitionOfKey } from './redis-keys.js';

const KEY = 'g/32b6e34b3d91647abb20e7b8/Cluster0/p-abc/listCheckpoints/2023-01-01/-/page?pageNum=2';

describe('Redis key layout', () => {
  it('tags every key of a partition with the partition, so they share a cluster slot', () => {
    expect(partitionOfKey(KEY)).toBe('p-abc');
    expect(entryKey('pre:', KEY)).toBe(`pre:{p-abc}:${KEY}`);
    expect(lockKey('pre:', KEY)).toBe(`pre:{p-abc}:lock:${KEY}`);
  });

  it('matches entries of any partition by a cache-key glob, with Redis glob characters of the prefix escaped', () => {
    expect(entryPattern('a[1]?:', 'g/32b6e34b3d91647abb20e7b8/*')).toBe('a\\[1\\]\\?:{*}:g/32b6e34b3d91647abb20e7b8/*');
  });

  it('refuses a prefix with braces (they would become the hash tag)', () => {
    expect(() => checkKeyPrefix('app{x}:')).toThrow(/must not contain/);
    expect(checkKeyPrefix('app:')).toBe('app:');
  });
});
