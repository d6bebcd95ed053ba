import { describe, expect, it } from 'vitest';
import { cacheKey, partitionGlob, purgeGlob } from './keys.js';
import { globToRegExp } from './store.js';

const g = 'a'.repeat(24);

describe('cache keys', () => {
  it('normalise list pages and ignore render-only flags', () => {
    expect(cacheKey({ partition: 'proxy', route: 'listClusters', groupId: g })).toBe(
      cacheKey({ partition: 'proxy', route: 'listClusters', groupId: g, pageNum: 1, itemsPerPage: 100, includeCount: true }),
    );
    expect(cacheKey({ partition: 'proxy', route: 'listClusters', groupId: g, includeCount: false })).not.toBe(
      cacheKey({ partition: 'proxy', route: 'listClusters', groupId: g }),
    );
  });

  it('separate partitions', () => {
    expect(cacheKey({ partition: 'tA', route: 'listProjects', snapshot: true })).not.toBe(
      cacheKey({ partition: 'tB', route: 'listProjects', snapshot: true }),
    );
  });

  it('purge a project, a cluster or a partition by glob', () => {
    const key = cacheKey({ partition: 'tX', route: 'listCheckpoints', groupId: g, clusterName: 'C0', snapshot: true });
    expect(globToRegExp(purgeGlob(g)).test(key)).toBe(true);
    expect(globToRegExp(purgeGlob(g, 'C0')).test(key)).toBe(true);
    expect(globToRegExp(purgeGlob(g, 'C1')).test(key)).toBe(false);
    expect(globToRegExp(purgeGlob(g, 'C')).test(key)).toBe(false);
    expect(globToRegExp(partitionGlob('tX')).test(key)).toBe(true);
    expect(globToRegExp(partitionGlob('tY')).test(key)).toBe(false);
  });
});
