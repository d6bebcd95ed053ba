import { Type, type Static } from '@sinclair/typebox';
import { knownValueGuard, openEnum, openIntegerEnum } from './open-enum.js';
import { objectId } from './object-id.js';

/** The values the spec lists for a backup policy item's `frequencyType`. */
export const POLICY_FREQUENCY_TYPES = ['daily', 'hourly', 'weekly', 'monthly', 'yearly', 'ondemand'] as const;
/**
 * How often a backup policy item runs: a known value or any string Atlas adds later.
 *
 * @example
 * schedule.policies?.[0]?.policyItems?.map((item) => item.frequencyType);
 */
export const PolicyFrequencyType = openEnum(POLICY_FREQUENCY_TYPES, {
  description: 'Human-readable label that identifies the frequency type associated with the backup policy.',
});
export type PolicyFrequencyType = Static<typeof PolicyFrequencyType>;
/**
 * True for a policy frequency this client knows.
 *
 * @example
 * isKnownPolicyFrequencyType('ondemand') // true
 */
export const isKnownPolicyFrequencyType = knownValueGuard(POLICY_FREQUENCY_TYPES);

const RETENTION_UNITS = ['days', 'weeks', 'months', 'years'] as const;
const RetentionUnit = openEnum(RETENTION_UNITS, { description: 'Unit of time in which MongoDB Cloud measures retention.' });
const EXTRA_FREQUENCIES = ['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'ON_DEMAND'] as const;
const FREQUENCY_INTERVALS = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 40,
] as const;

/**
 * One item of a Cloud Backup policy (`DiskBackupApiPolicyItem`): how often snapshots are taken and
 * how long they are kept. The spec requires all four settings; core reads tolerantly (only `id`).
 *
 * @example
 * const item: SchedulePolicyItem = { id, frequencyType: 'daily', frequencyInterval: 1, retentionUnit: 'days', retentionValue: 7 };
 */
export const SchedulePolicyItem = Type.Object({
  frequencyInterval: Type.Optional(
    openIntegerEnum(FREQUENCY_INTERVALS, { format: 'int32', description: 'Number that indicates the frequency interval.' }),
  ),
  frequencyType: Type.Optional(PolicyFrequencyType),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies this policy item.' }),
  retentionUnit: Type.Optional(RetentionUnit),
  retentionValue: Type.Optional(Type.Integer({ format: 'int32', description: 'Duration in `retentionUnit` to keep snapshots.' })),
});
export type SchedulePolicyItem = Static<typeof SchedulePolicyItem>;

/**
 * A Cloud Backup policy (`AdvancedDiskBackupSnapshotSchedulePolicy`): its items.
 *
 * @example
 * schedule.policies?.[0]?.policyItems?.length
 */
export const SchedulePolicy = Type.Object({
  id: objectId({ description: 'Unique 24-hexadecimal digit string that identifies this backup policy.' }),
  policyItems: Type.Optional(Type.Array(SchedulePolicyItem, { description: 'Backup policy items of this policy.' })),
});
export type SchedulePolicy = Static<typeof SchedulePolicy>;

/**
 * Extra retention of one frequency (`ExtraRetentionSetting`).
 *
 * @example
 * const extra: ExtraRetentionSetting = { frequencyType: 'DAILY', retentionDays: 30 };
 */
export const ExtraRetentionSetting = Type.Object({
  frequencyType: Type.Optional(openEnum(EXTRA_FREQUENCIES, { description: 'The frequency type for the extra retention.' })),
  retentionDays: Type.Optional(Type.Integer({ format: 'int32', description: 'Days to keep snapshots of that frequency.' })),
});
export type ExtraRetentionSetting = Static<typeof ExtraRetentionSetting>;

/**
 * One copy policy item (`DiskBackupCopyPolicyItem`). The spec makes it a `oneOf` of an on-demand
 * and a time-based item; core reads the shared fields, and a time-based item's `retentionUnit` and
 * `retentionValue` are kept as they came.
 *
 * @example
 * setting.copyPolicyItems?.map((item) => item.frequencyType);
 */
export const CopyPolicyItem = Type.Object({
  frequencyType: Type.Optional(PolicyFrequencyType),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies this copy policy item.' }),
});
export type CopyPolicyItem = Static<typeof CopyPolicyItem>;

/** Fields of a copy setting both versions share. */
export const COPY_SETTING_FIELDS = {
  cloudProvider: Type.Optional(openEnum(['AWS', 'AZURE', 'GCP'] as const, { description: 'Cloud provider of the copy.' })),
  copyPolicyItems: Type.Optional(Type.Array(CopyPolicyItem, { description: 'Copy policy items of this setting.' })),
  frequencies: Type.Optional(
    Type.Array(openEnum(EXTRA_FREQUENCIES), { description: 'Frequencies copied (deprecated: see `copyPolicyItems`).' }),
  ),
  lastNumberOfSnapshots: Type.Optional(
    Type.Integer({ format: 'int32', minimum: 1, maximum: 500, description: 'Number of recent snapshots to copy.' }),
  ),
  regionName: Type.Optional(Type.String({ description: 'Target region to copy snapshots to.' })),
  shouldCopyOplogs: Type.Optional(Type.Boolean({ description: 'Whether oplogs are copied too.' })),
};

/** Fields of a "delete copied backups" entry both versions share (request only). */
export const DELETE_COPIED_FIELDS = {
  cloudProvider: Type.Optional(openEnum(['AWS', 'AZURE', 'GCP'] as const, { description: 'Cloud provider of the copies.' })),
  regionName: Type.Optional(Type.String({ description: 'Region of the copies.' })),
};

/**
 * Automatic export policy (`AutoExportPolicyView`).
 *
 * @example
 * schedule.export?.frequencyType // 'monthly'
 */
export const AutoExportPolicy = Type.Object({
  exportBucketId: Type.Optional(objectId({ description: 'Export bucket.' })),
  frequencyType: Type.Optional(openEnum(['monthly', 'yearly'] as const, { description: 'How often exports run.' })),
});
export type AutoExportPolicy = Static<typeof AutoExportPolicy>;
