import { Type, type Static } from '@sinclair/typebox';
import { Links } from './link.js';
import { objectId } from './object-id.js';
import { openIntegerEnum } from './open-enum.js';

/**
 * A cluster's legacy backup snapshot schedule (`ApiAtlasSnapshotScheduleView`, deprecated with
 * legacy backup): checkpoint interval, snapshot interval and retention, as
 * `getLegacySnapshotSchedule` returns it. Read tolerantly: the integer enums are open (a value
 * Atlas adds later is kept), and only what core needs is required (nothing: the spec requires
 * every field, core requires none, as it has no `id`).
 *
 * @example
 * const schedule = await client.getLegacySnapshotSchedule({ groupId, clusterName });
 * schedule.clusterCheckpointIntervalMin // 15, 30 or 60
 */
export const LegacySnapshotSchedule = Type.Object({
  clusterCheckpointIntervalMin: Type.Optional(
    openIntegerEnum([15, 30, 60], { format: 'int32', description: 'Minutes between checkpoints.' }),
  ),
  clusterId: Type.Optional(objectId({ description: 'Cluster this schedule applies to.' })),
  dailySnapshotRetentionDays: Type.Optional(
    openIntegerEnum([0, 3, 4, 5, 6, 7, 15, 30, 60, 90, 120, 180, 360], {
      format: 'int32',
      description: 'Days daily snapshots are kept.',
    }),
  ),
  groupId: Type.Optional(objectId({ readOnly: true, description: 'Project that owns the cluster.' })),
  links: Type.Optional(Links),
  monthlySnapshotRetentionMonths: Type.Optional(
    openIntegerEnum([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 18, 24, 36], {
      format: 'int32',
      description: 'Months monthly snapshots are kept.',
    }),
  ),
  pointInTimeWindowHours: Type.Optional(
    Type.Integer({ format: 'int32', description: 'Hours back a point-in-time restore can reach.' }),
  ),
  snapshotIntervalHours: Type.Optional(
    openIntegerEnum([6, 8, 12, 24], { format: 'int32', description: 'Hours between snapshots.' }),
  ),
  snapshotRetentionDays: Type.Optional(
    openIntegerEnum([2, 3, 4, 5], { format: 'int32', description: 'Days snapshots are kept.' }),
  ),
  weeklySnapshotRetentionWeeks: Type.Optional(
    openIntegerEnum([0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 52], {
      format: 'int32',
      description: 'Weeks weekly snapshots are kept.',
    }),
  ),
});
export type LegacySnapshotSchedule = Static<typeof LegacySnapshotSchedule>;
