import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../fixtures/generate-fixtures.js';
import { createSpecValidator } from './spec-validator.js';

const fixtures = generateFixtures({ seed: 11, projects: 2, clustersPerProject: 3, checkpointsPerCluster: 5 });
const spec = createSpecValidator();

describe('createSpecValidator', () => {
  it('knows the four operations of the first excerpt and the twelve of the backup excerpt', () => {
    expect([...spec.operationIds].sort()).toEqual([
      'getGroupClusterBackupCheckpoint',
      'getGroupClusterBackupRestoreJob',
      'getGroupClusterBackupSchedule',
      'getGroupClusterBackupSnapshot',
      'getGroupClusterBackupSnapshotShardedCluster',
      'getGroupClusterRestoreJob',
      'getGroupClusterSnapshot',
      'getGroupClusterSnapshotSchedule',
      'listGroupClusterBackupCheckpoints',
      'listGroupClusterBackupRestoreJobs',
      'listGroupClusterBackupSnapshotShardedClusters',
      'listGroupClusterBackupSnapshots',
      'listGroupClusterRestoreJobs',
      'listGroupClusterSnapshots',
      'listGroupClusters',
      'listGroups',
    ]);
  });

  it('accepts the fixtures, by operationId, path template or concrete path', () => {
    const project = fixtures.projects[0];
    const checkpoint = project?.clusters.find((c) => c.cluster.clusterType === 'SHARDED')?.checkpoints[0];
    expect(checkpoint).toBeDefined();
    expect(spec.validate('listGroups', 200, { results: fixtures.projects.map((p) => p.group), totalCount: 2 }).errors).toEqual(
      [],
    );
    expect(
      spec.validate('/api/atlas/v2/groups/{groupId}/clusters', 200, { results: project?.clusters.map((c) => c.cluster) }).errors,
    ).toEqual([]);
    expect(
      spec.validate(`/api/atlas/v2/groups/${project?.group.id}/clusters/x/backupCheckpoints/${checkpoint?.id}`, 200, checkpoint)
        .errors,
    ).toEqual([]);
  });

  it('rejects documents that break the spec, naming the path', () => {
    const result = spec.validate('getGroupClusterBackupCheckpoint', 200, { id: 'nope', parts: [{ typeName: 'SHARD' }] });
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/\/id .*pattern/);
    expect(result.errors.join('\n')).toMatch(/\/parts\/0\/typeName/);
    expect(() => spec.assertValid('listGroups', 200, { totalCount: -1 })).toThrow(/results/);
  });

  it('handles nullable, int32 and the discriminated providerSettings', () => {
    expect(
      spec.validate('listGroups', 400, { error: 400, errorCode: 'X', detail: null, reason: null, badRequestDetail: null }).valid,
    ).toBe(true);
    expect(spec.validate('listGroups', 400, { error: 2 ** 40, errorCode: 'X' }).valid).toBe(false);
    const cluster = {
      ...fixtures.projects[0]?.clusters[0]?.cluster,
      providerSettings: { providerName: 'AWS', instanceSizeName: 'M7' },
    };
    expect(spec.validate('listGroupClusters', 200, { results: [cluster] }).valid).toBe(false);
  });

  it('checks statuses an operation does not list against ApiError', () => {
    expect(spec.validate('listGroupClusters', 406, { error: 406, errorCode: 'NOT_ACCEPTABLE' }).valid).toBe(true);
    expect(spec.validate('listGroupClusters', 406, { error: 406 }).valid).toBe(false);
  });

  it('lifts the spec error on BSON increment visibly: without the lift a realistic checkpoint fails', () => {
    const checkpoint = fixtures.projects[0]?.clusters.find((c) => c.cluster.clusterType === 'SHARDED')?.checkpoints[0];
    const strict = createSpecValidator({ liftIncrementMinimum: false });
    expect(strict.validate('getGroupClusterBackupCheckpoint', 200, checkpoint).errors.join()).toMatch(/increment.*>= 1199145600/);
    expect(spec.validate('getGroupClusterBackupCheckpoint', 200, checkpoint).valid).toBe(true);
  });

  it('fails clearly for an unknown operation or a missing spec file', () => {
    expect(() => spec.validate('deleteEverything', 200, {})).toThrow(/no GET operation/);
    expect(() => createSpecValidator({ specPath: '/nonexistent/spec.json' })).toThrow(/ENOENT/);
  });
});
