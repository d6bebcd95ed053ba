import { Type, type Static } from '@sinclair/typebox';
import {
  AutoExportPolicy,
  COPY_SETTING_FIELDS,
  DELETE_COPIED_FIELDS,
  ExtraRetentionSetting,
  SchedulePolicy,
} from './backup-policy.js';
import { Links } from './link.js';
import { objectId } from './object-id.js';

const CLUSTER_NAME = '^[a-zA-Z0-9][a-zA-Z0-9-]*$';
const writeOnlyFlag = (description: string) => Type.Optional(Type.Boolean({ writeOnly: true, description }));

/** Fields the 2023-01-01 and 2024-08-05 schedules share. */
const SCHEDULE_FIELDS = {
  autoExportEnabled: Type.Optional(Type.Boolean({ description: 'Whether snapshots are exported automatically.' })),
  clusterId: Type.Optional(objectId({ readOnly: true, description: 'Cluster this schedule applies to.' })),
  clusterName: Type.Optional(
    Type.String({ pattern: CLUSTER_NAME, readOnly: true, description: 'Cluster this schedule applies to.' }),
  ),
  copyPolicyItemsEnabled: Type.Optional(Type.Boolean({ description: 'Whether copy settings use `copyPolicyItems`.' })),
  deleteCopySnapshots: writeOnlyFlag('Request only: delete copied snapshots.'),
  deleteSnapshots: writeOnlyFlag('Request only: delete snapshots removed from the policy.'),
  export: Type.Optional(AutoExportPolicy),
  extraRetentionSettings: Type.Optional(Type.Array(ExtraRetentionSetting, { description: 'Extra retention per frequency.' })),
  links: Type.Optional(Links),
  nextSnapshot: Type.Optional(
    Type.String({ format: 'date-time', readOnly: true, description: 'When the next snapshot is due (ISO 8601, UTC).' }),
  ),
  policies: Type.Optional(Type.Array(SchedulePolicy, { description: 'The backup policy (at most one).' })),
  referenceHourOfDay: Type.Optional(Type.Integer({ format: 'int32', description: 'UTC hour of the daily snapshot.' })),
  referenceMinuteOfHour: Type.Optional(Type.Integer({ format: 'int32', description: 'UTC minute of the daily snapshot.' })),
  restoreWindowDays: Type.Optional(
    Type.Integer({ format: 'int32', description: 'Days back a point-in-time restore can reach.' }),
  ),
  updateCopySnapshots: writeOnlyFlag('Request only: apply the copy settings to existing snapshots.'),
  updateSnapshots: writeOnlyFlag('Request only: apply the retention changes to existing snapshots.'),
  useOrgAndGroupNamesInExportPrefix: Type.Optional(Type.Boolean({ description: 'Whether export paths use names.' })),
};

/**
 * A cluster's Cloud Backup schedule in API version 2023-01-01 (`DiskBackupSnapshotSchedule`,
 * sunset 2027-07-01): its policy items, copy settings and export policy, as `getBackupSchedule`
 * returns it when pinned to that version. Read tolerantly: open enums, `null` reads as absent;
 * the spec's required `policies` is optional here (only ids are required).
 *
 * @example
 * const schedule = await client.call('getGroupClusterBackupSchedule', { groupId, clusterName }, { apiVersion: '2023-01-01' });
 */
export const CloudBackupSchedule = Type.Object({
  ...SCHEDULE_FIELDS,
  copySettings: Type.Optional(
    Type.Array(
      Type.Object({
        ...COPY_SETTING_FIELDS,
        replicationSpecId: Type.Optional(objectId({ description: 'Replication spec of the copied cluster.' })),
      }),
      { description: 'Where snapshots are copied.' },
    ),
  ),
  deleteCopiedBackups: Type.Optional(
    Type.Array(
      Type.Object(
        {
          ...DELETE_COPIED_FIELDS,
          replicationSpecId: Type.Optional(objectId({ writeOnly: true })),
          zoneId: Type.Optional(objectId({ writeOnly: true })),
        },
        { writeOnly: true },
      ),
      { writeOnly: true, description: 'Request only: copies to delete.' },
    ),
  ),
});
export type CloudBackupSchedule = Static<typeof CloudBackupSchedule>;

/**
 * A cluster's Cloud Backup schedule in API version 2024-08-05 (`DiskBackupSnapshotSchedule20240805`):
 * copy settings name zones (`zoneId`) instead of replication specs, and `autoCopySettingsEnabled`
 * is new. What `getBackupSchedule` returns by default.
 *
 * @example
 * const schedule = await client.getBackupSchedule({ groupId, clusterName: 'Cluster0' });
 * schedule.policies?.[0]?.policyItems?.map((item) => `${item.frequencyType} ${item.retentionValue} ${item.retentionUnit}`);
 */
export const CloudBackupSchedule20240805 = Type.Object({
  autoCopySettingsEnabled: Type.Optional(
    Type.Boolean({ description: 'Whether copy settings follow the cluster automatically.' }),
  ),
  ...SCHEDULE_FIELDS,
  copySettings: Type.Optional(
    Type.Array(
      Type.Object({
        ...COPY_SETTING_FIELDS,
        zoneId: Type.Optional(objectId({ description: 'Zone of the copied cluster.' })),
      }),
      { description: 'Where snapshots are copied.' },
    ),
  ),
  deleteCopiedBackups: Type.Optional(
    Type.Array(
      Type.Object({ ...DELETE_COPIED_FIELDS, zoneId: Type.Optional(objectId({ writeOnly: true })) }, { writeOnly: true }),
      {
        writeOnly: true,
        description: 'Request only: copies to delete.',
      },
    ),
  ),
});
export type CloudBackupSchedule20240805 = Static<typeof CloudBackupSchedule20240805>;
