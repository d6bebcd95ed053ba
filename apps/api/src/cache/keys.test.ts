import { OPERATIONS, parseRequest, type Operation } from '@atlas-checkpoints/core';
import { describe, expect, it } from 'vitest';
import { cacheKey, partitionGlob, purgeGlob, routeOfKey } from './keys.js';
import { globToRegExp } from './store.js';

const g = 'a'.repeat(24);
const request = (operation: Operation, search = '', accept?: string, pathValues: Record<string, string> = { groupId: g }) =>
  parseRequest(operation, { pathValues, search, accept });
const clusters = OPERATIONS.listGroupClusters;

describe('cache keys', () => {
  it('normalise a page: defaults, spelling, render flags and unknown parameters never split it', () => {
    const plain = cacheKey({ partition: 'proxy', request: request(clusters) });
    for (const search of [
      'pageNum=1&itemsPerPage=100&includeCount=true',
      'includeCount=TRUE&pretty=true&envelope=1&x=1',
      'pageNum=01',
    ])
      expect(cacheKey({ partition: 'proxy', request: request(clusters, search.replace('envelope=1', 'envelope=true')) })).toBe(
        plain,
      );
    expect(cacheKey({ partition: 'proxy', request: request(clusters, 'includeCount=false') })).not.toBe(plain);
    expect(cacheKey({ partition: 'proxy', request: request(clusters, 'pageNum=2') })).not.toBe(plain);
  });

  it('a snapshot ignores paging but keeps filters such as includeDeletedWithRetainedBackups', () => {
    const snapshot = (search: string) => cacheKey({ partition: 'proxy', request: request(clusters, search), snapshot: true });
    expect(snapshot('pageNum=3&itemsPerPage=7')).toBe(snapshot(''));
    expect(snapshot('includeDeletedWithRetainedBackups=TRUE')).toBe(snapshot('includeDeletedWithRetainedBackups=true'));
    expect(snapshot('includeDeletedWithRetainedBackups=true')).not.toBe(snapshot(''));
  });

  it('key by the resolved API version, not by the date asked for', () => {
    const at = (accept: string) => cacheKey({ partition: 'proxy', request: request(clusters, '', accept), snapshot: true });
    expect(at('application/vnd.atlas.2025-03-12+json')).toBe(at('application/vnd.atlas.2024-08-05+json'));
    expect(at('application/vnd.atlas.2024-08-04+json')).toBe(at('application/vnd.atlas.2023-02-01+json'));
    expect(at('application/vnd.atlas.2024-08-05+json')).not.toBe(at('application/vnd.atlas.2023-02-01+json'));
    expect(at('*/*')).not.toBe(at('application/vnd.atlas.2023-02-01+json'));
  });

  it('separate partitions', () => {
    const projects = request(OPERATIONS.listGroups, '', undefined, {});
    expect(cacheKey({ partition: 'tA', request: projects, snapshot: true })).not.toBe(
      cacheKey({ partition: 'tB', request: projects, snapshot: true }),
    );
  });

  it('purge a project, a cluster or a partition by glob', () => {
    const key = cacheKey({
      partition: 'tX',
      request: request(OPERATIONS.listGroupClusterBackupCheckpoints, '', undefined, { groupId: g, clusterName: 'C0' }),
      snapshot: true,
    });
    expect(globToRegExp(purgeGlob(g)).test(key)).toBe(true);
    expect(globToRegExp(purgeGlob(g, 'C0')).test(key)).toBe(true);
    expect(globToRegExp(purgeGlob(g, 'C1')).test(key)).toBe(false);
    expect(globToRegExp(purgeGlob(g, 'C')).test(key)).toBe(false);
    expect(globToRegExp(partitionGlob('tX')).test(key)).toBe(true);
    expect(globToRegExp(partitionGlob('tY')).test(key)).toBe(false);
  });
});

describe('routeOfKey', () => {
  it('reads the operationId back from a key of every operation, page or snapshot', () => {
    const id = 'b'.repeat(24);
    const pathValues = { groupId: g, clusterName: 'C-1', checkpointId: id, snapshotId: id, restoreJobId: id, jobId: id };
    for (const operation of Object.values(OPERATIONS)) {
      const values = Object.fromEntries(
        Object.keys(operation.pathParameters).map((name) => [name, pathValues[name as keyof typeof pathValues]]),
      );
      for (const snapshot of [false, true]) {
        const key = cacheKey({ partition: 'tabc', request: request(operation, 'pageNum=2', undefined, values), snapshot });
        expect(routeOfKey(key)).toBe(operation.operationId);
      }
    }
  });
});
