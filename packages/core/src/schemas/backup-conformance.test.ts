import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithSpec, type Spec, type SpecSchema } from './test-helpers/spec-compare.js';
import {
  AutoExportPolicy,
  CloudBackupRestoreJob,
  CloudBackupRestoreJobPage,
  CloudBackupRestoreMember,
  CloudBackupSchedule,
  CloudBackupSchedule20240805,
  CloudBackupShardedSnapshot,
  CloudBackupShardedSnapshotMember,
  CloudBackupShardedSnapshotPage,
  CloudBackupSnapshot,
  CloudBackupSnapshotPage,
  CopyPolicyItem,
  ExtraRetentionSetting,
  LegacyRestoreJob,
  LegacyRestoreJobDelivery,
  LegacyRestoreJobPage,
  LegacySnapshot,
  LegacySnapshotPage,
  LegacySnapshotPart,
  LegacySnapshotSchedule,
  PrivateDownloadDeliveryUrl,
  RestoreJobFileHash,
  SchedulePolicy,
  SchedulePolicyItem,
} from './index.js';

// packages/core/src/schemas -> repo root is 4 levels up; shared/ sits beside the repo root.
const SPEC_URL = new URL('../../../../../shared/spec/atlas-openapi-backup-excerpt.json', import.meta.url);
const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as Spec;
const ref = (name: string): SpecSchema => ({ $ref: `#/components/schemas/${name}` });

/** Documented deviations (see the JSDoc of each schema): the spec contradicts real documents there. */
const exceptions: Record<string, readonly string[]> = {
  // increment is a small per-second counter (1, 2, 4); the spec's minimum 1199145600 rejects real data.
  ...Object.fromEntries(
    [
      'ApiBSONTimestampView',
      'BackupSnapshot.created',
      'BackupSnapshot.lastOplogAppliedTimestamp',
      'PaginatedSnapshotView.results[].created',
      'PaginatedSnapshotView.results[].lastOplogAppliedTimestamp',
      'BackupRestoreJob.timestamp',
      'PaginatedRestoreJobView.results[].timestamp',
      'DiskBackupSnapshotRestoreJob.desiredTimestamp',
      'PaginatedCloudBackupRestoreJobView.results[].desiredTimestamp',
    ].map((at) => [`${at}.increment`, ['minimum']]),
  ),
  // A request-only field whose pattern the spec escapes twice (it would match a backslash).
  'BackupRestoreJob.oplogTs': ['pattern'],
  'PaginatedRestoreJobView.results[].oplogTs': ['pattern'],
};
const reading = { exceptions, reading: { required: ['results', 'id'] } };

const pairs = [
  ['DiskBackupReplicaSet', CloudBackupSnapshot],
  ['PaginatedCloudBackupReplicaSetView', CloudBackupSnapshotPage],
  ['DiskBackupShardedClusterSnapshot', CloudBackupShardedSnapshot],
  ['DiskBackupShardedClusterSnapshotMember', CloudBackupShardedSnapshotMember],
  ['PaginatedCloudBackupShardedClusterSnapshotView', CloudBackupShardedSnapshotPage],
  ['DiskBackupSnapshotRestoreJob', CloudBackupRestoreJob],
  ['DiskBackupRestoreMember', CloudBackupRestoreMember],
  ['ApiPrivateDownloadDeliveryUrl', PrivateDownloadDeliveryUrl],
  ['PaginatedCloudBackupRestoreJobView', CloudBackupRestoreJobPage],
  ['DiskBackupSnapshotSchedule', CloudBackupSchedule],
  ['DiskBackupSnapshotSchedule20240805', CloudBackupSchedule20240805],
  ['AdvancedDiskBackupSnapshotSchedulePolicy', SchedulePolicy],
  ['DiskBackupApiPolicyItem', SchedulePolicyItem],
  ['ExtraRetentionSetting', ExtraRetentionSetting],
  ['DiskBackupCopyPolicyItem', CopyPolicyItem],
  ['AutoExportPolicyView', AutoExportPolicy],
  ['BackupSnapshot', LegacySnapshot],
  ['BackupSnapshotPart', LegacySnapshotPart],
  ['PaginatedSnapshotView', LegacySnapshotPage],
  ['BackupRestoreJob', LegacyRestoreJob],
  ['BackupRestoreJobDelivery', LegacyRestoreJobDelivery],
  ['RestoreJobFileHash', RestoreJobFileHash],
  ['PaginatedRestoreJobView', LegacyRestoreJobPage],
  ['ApiAtlasSnapshotScheduleView', LegacySnapshotSchedule],
] as const;

describe('backup schemas conform to the official backup OpenAPI excerpt, read tolerantly', () => {
  it.each(pairs)(
    '%s: every property with the same type, format, pattern, enum, bounds; open enums; only ids required',
    (name, schema) => {
      expect(compareWithSpec(spec, ref(name), schema, name, reading)).toEqual([]);
    },
  );

  it('covers every schema the twelve operations return but the shared ones (ApiError, Link, BSON timestamp, copy settings)', () => {
    const covered = new Set<string>(pairs.map(([name]) => name));
    const shared = [
      'ApiError',
      'BadRequestDetail',
      'FieldViolation',
      'Link',
      'ApiBSONTimestampView',
      // Compared through the schedules that hold them (their properties, at their location).
      'DiskBackupCopySetting',
      'DiskBackupCopySetting20240805',
      'DeleteCopiedBackups',
      'DeleteCopiedBackups20240805',
      // The two variants of the copy policy item's oneOf: read as the shared fields.
      'DiskBackupOnDemandCopyPolicyItem',
      'DiskBackupTimeBasedCopyPolicyItem',
    ];
    expect(Object.keys(spec.components.schemas).filter((name) => !covered.has(name) && !shared.includes(name))).toEqual([]);
  });

  it('an open integer enum is caught when closed, as an open string enum is', () => {
    const closed = { ...LegacySnapshotSchedule, properties: { ...LegacySnapshotSchedule.properties } };
    closed.properties.snapshotIntervalHours = {
      ...closed.properties.snapshotIntervalHours,
      anyOf: [{ type: 'integer', const: 6 }],
    };
    expect(compareWithSpec(spec, ref('ApiAtlasSnapshotScheduleView'), closed, 'S', reading).join('\n')).toMatch(
      /S.snapshotIntervalHours/,
    );
  });
});
