import { restorePoint } from '@atlas-checkpoints/core';
import { describe, expect, it } from 'vitest';
import {
  cloudRestoreJob,
  jobsNewestFirst,
  legacyRestoreJob,
  objectIdTime,
  restoreJobProgress,
  restoreJobStatus,
} from '../source/restore-jobs.js';
import { hexId } from '../test-helpers/rows.js';
import { recordLines } from './record-lines.js';
import { formatBytes, restorePointExpiry, restorePointSize, restorePointStatus } from './restore-columns.js';

const id = hexId(1, 'd');

describe('restore point cells', () => {
  it('formats bytes in binary units', () => {
    expect([0, 1023, 1024, 1_610_612_736, undefined].map(formatBytes)).toEqual(['0 B', '1023 B', '1.0 KB', '1.5 GB', '']);
  });

  it('says each kind its status, size or parts, and expiry', () => {
    const snapshot = restorePoint('snapshot', {
      id,
      status: 'completed',
      storageSizeBytes: 2048,
      expiresAt: '2024-02-01T00:00:00Z',
    });
    const sharded = restorePoint('shardedSnapshot', { id, status: 'inProgress', members: [{ id }, { id }, { id }] });
    const checkpoint = restorePoint('checkpoint', {
      id,
      restorable: false,
      parts: [{ typeName: 'REPLICA_SET' }, { typeName: 'CONFIG_SERVER_REPLICA_SET' }],
    });
    const legacy = restorePoint('legacySnapshot', {
      id,
      complete: true,
      expires: '2024-03-01T00:00:00Z',
      parts: [{ storageSizeBytes: 1024 }, { storageSizeBytes: 1024 }],
    });
    expect([snapshot, sharded, checkpoint, legacy].map(restorePointStatus)).toEqual([
      'completed',
      'inProgress',
      'not restorable',
      'complete',
    ]);
    expect([snapshot, sharded, checkpoint, legacy].map(restorePointSize)).toEqual([
      '2.0 KB',
      '3 members',
      '2: 1 shard + config',
      '2 parts, 2.0 KB',
    ]);
    expect([snapshot, sharded, checkpoint, legacy].map(restorePointExpiry)).toEqual([
      '2024-02-01T00:00:00Z',
      undefined,
      undefined,
      '2024-03-01T00:00:00Z',
    ]);
  });
});

describe('restore jobs', () => {
  const running = cloudRestoreJob({ id: '659200940000000000000001', deliveryType: 'automated' });
  const done = cloudRestoreJob({ id: '659200950000000000000002', finishedAt: '2024-01-01T01:00:00Z' });
  const failed = cloudRestoreJob({ id: '659200960000000000000003', failed: true, finishedAt: '2024-01-01T01:00:00Z' });
  const legacy = legacyRestoreJob({
    id,
    created: '2023-12-31T00:00:00Z',
    statusName: 'IN_PROGRESS',
    delivery: { statusName: 'PENDING' },
  });

  it('reads a Cloud Backup job request time from its id (an ObjectId), a legacy one from created', () => {
    expect(objectIdTime('659200940000000000000001')).toBe('2024-01-01T00:00:20Z');
    expect(objectIdTime('nope')).toBeUndefined();
    expect(running.time).toBe('2024-01-01T00:00:20Z');
    expect(legacy.time).toBe('2023-12-31T00:00:00Z');
  });

  it('says status and progress', () => {
    expect([running, done, failed, legacy].map(restoreJobStatus)).toEqual(['running', 'finished', 'failed', 'IN_PROGRESS']);
    expect([running, done, failed, legacy].map(restoreJobProgress)).toEqual(['restoring', 'done', 'failed', 'PENDING']);
  });

  it('orders jobs newest first', () => {
    expect(jobsNewestFirst([legacy, running, failed, done]).map((job) => job.id)).toEqual([
      failed.id,
      done.id,
      running.id,
      legacy.id,
    ]);
  });

  it('shows every field of a job, arrays one element a line, long field names apart from their values', () => {
    const lines = recordLines(
      cloudRestoreJob({
        id: '659200940000000000000001',
        components: [{ replicaSetName: 'rs0' }],
        privateDownloadDeliveryUrls: [],
      }),
      Date.parse('2024-01-02T00:00:00Z'),
    );
    expect(lines[0]).toBe('Cloud Backup restore job 659200940000000000000001');
    expect(lines).toContain('  Status           running');
    expect(lines).toContain('  components       (1)');
    expect(lines).toContain('                   1. {"replicaSetName":"rs0"}');
    expect(lines.some((line) => line.startsWith('  privateDownloadDeliveryUrls (0)'))).toBe(true);
  });
});
