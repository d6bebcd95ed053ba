import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Page } from '../schemas/paginated.js';
import { listRestorePoints, restorePointKinds } from './list-restore-points.js';
import { newestFirst, restorePoint, RESTORE_POINT_KINDS, type RestorePoint } from './restore-point.js';

const objectId = fc.stringMatching(/^[a-f0-9]{24}$/);
const iso = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2030, 0, 1) / 1000 })
  .map((s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z'));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 8 });

/** A document of each kind, with its time in the field that kind has (sometimes absent). */
const point: fc.Arbitrary<RestorePoint> = fc.oneof(
  fc.record({ id: objectId, createdAt: maybe(iso) }).map((d) => restorePoint('snapshot', withoutUndefined(d) as never)),
  fc
    .record({ id: objectId, createdAt: maybe(iso), members: fc.constant([]) })
    .map((d) => restorePoint('shardedSnapshot', withoutUndefined(d) as never)),
  fc
    .record({ id: objectId, timestamp: maybe(iso), restorable: fc.boolean() })
    .map((d) => restorePoint('checkpoint', withoutUndefined(d) as never)),
  fc
    .record({ id: objectId, created: maybe(iso).map((date) => (date ? { date, increment: 1 } : undefined)) })
    .map((d) => restorePoint('legacySnapshot', withoutUndefined(d) as never)),
);

function withoutUndefined<T extends object>(d: T): T {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as T;
}

const ms = (p: RestorePoint) => (p.time === undefined ? Number.NEGATIVE_INFINITY : Date.parse(p.time));

describe('restore points: order and typing over random mixes', () => {
  it('newestFirst is newest first, points without a time last, and independent of the input order', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 60 }), fc.func(fc.integer()), (points, key) => {
        const sorted = newestFirst(points);
        expect(sorted).toHaveLength(points.length);
        for (let i = 1; i < sorted.length; i++) expect(ms(sorted[i - 1]!)).toBeGreaterThanOrEqual(ms(sorted[i]!));
        const shuffled = [...points].sort((a, b) => key(a.id + a.kind) - key(b.id + b.kind));
        expect(newestFirst(shuffled)).toEqual(sorted);
        expect(new Set(sorted)).toEqual(new Set(points));
      }),
    );
  });

  it('each point says its kind and reads its time from the field of that kind', () => {
    fc.assert(
      fc.property(point, (p) => {
        expect(RESTORE_POINT_KINDS).toContain(p.kind);
        expect(p.id).toBe(p.document.id);
        if (p.kind === 'checkpoint') expect(p.time).toBe(p.document.timestamp);
        else if (p.kind === 'legacySnapshot') expect(p.time).toBe(p.document.created?.date);
        else expect(p.time).toBe(p.document.createdAt);
      }),
    );
  });

  it('listRestorePoints merges exactly the lists of the cluster type and backup, pages walked, newest first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          clusterType: fc.constantFrom('REPLICASET', 'SHARDED', 'GEOSHARDED'),
          backupEnabled: fc.boolean(),
          providerBackupEnabled: fc.boolean(),
        }),
        fc.array(point, { maxLength: 40 }),
        async (cluster, points) => {
          const called: string[] = [];
          const list =
            (name: string, kind: RestorePoint['kind']) =>
            (params: { pageNum?: number; itemsPerPage?: number }): Promise<Page<never>> => {
              called.push(name);
              const all = points.filter((p) => p.kind === kind).map((p) => p.document);
              const size = params.itemsPerPage ?? 100;
              const start = ((params.pageNum ?? 1) - 1) * size;
              return Promise.resolve({ results: all.slice(start, start + size) as never[], totalCount: all.length });
            };
          const client = {
            call: () => Promise.reject(new Error('not looked up: the cluster was given')),
            listBackupSnapshots: list('listBackupSnapshots', 'snapshot'),
            listShardedClusterBackupSnapshots: list('listShardedClusterBackupSnapshots', 'shardedSnapshot'),
            listClusterBackupCheckpoints: list('listClusterBackupCheckpoints', 'checkpoint'),
            listLegacySnapshots: list('listLegacySnapshots', 'legacySnapshot'),
          };
          const result = await listRestorePoints(client as never, { groupId: 'a'.repeat(24), clusterName: 'C0', cluster });
          const kinds = restorePointKinds(cluster);
          const sharded = cluster.clusterType !== 'REPLICASET';
          expect(kinds.includes('snapshot')).toBe(cluster.providerBackupEnabled && !sharded);
          expect(kinds.includes('shardedSnapshot')).toBe(cluster.providerBackupEnabled && sharded);
          expect(kinds.includes('checkpoint')).toBe(cluster.backupEnabled && sharded);
          expect(kinds.includes('legacySnapshot')).toBe(cluster.backupEnabled);
          const expected = newestFirst(points.filter((p) => kinds.includes(p.kind)));
          expect(result.map((p) => [p.kind, p.id, p.time])).toEqual(expected.map((p) => [p.kind, p.id, p.time]));
          expect(new Set(called).size).toBe(kinds.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('looks the cluster up in the 2023-01-01 clusters list when not given, and rejects a cluster the project lacks', async () => {
    const calls: unknown[] = [];
    const client = {
      call: (id: string, params: object, options: object) => {
        calls.push([id, options]);
        return Promise.resolve({
          results: [{ id: 'b'.repeat(24), name: 'C0', clusterType: 'REPLICASET', providerBackupEnabled: true }],
          totalCount: 1,
        });
      },
      listBackupSnapshots: () =>
        Promise.resolve({ results: [{ id: 'c'.repeat(24), createdAt: '2024-01-01T00:00:00Z' }], totalCount: 1 }),
    };
    const points = await listRestorePoints(client as never, { groupId: 'a'.repeat(24), clusterName: 'C0' });
    expect(points.map((p) => p.kind)).toEqual(['snapshot']);
    expect(calls).toEqual([['listGroupClusters', { apiVersion: '2023-01-01' }]]);
    await expect(listRestorePoints(client as never, { groupId: 'a'.repeat(24), clusterName: 'Nope' })).rejects.toThrow(
      /Invalid parameter clusterName/,
    );
  });
});
