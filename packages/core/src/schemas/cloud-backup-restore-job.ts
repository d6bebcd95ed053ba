import { Type, type Static } from '@sinclair/typebox';
import { RestoreDeliveryType } from './backup-enums.js';
import { BsonTimestamp } from './bson-timestamp.js';
import { Links } from './link.js';
import { objectId } from './object-id.js';

const readOnlyDate = (description: string) => Type.String({ format: 'date-time', readOnly: true, description });

/**
 * A private-endpoint download URL of a restore (`ApiPrivateDownloadDeliveryUrl`).
 *
 * @example
 * const url: PrivateDownloadDeliveryUrl = { deliveryUrl: 'https://…', endpointId: 'vpce-0123456789abcdef0' };
 */
export const PrivateDownloadDeliveryUrl = Type.Object({
  deliveryUrl: Type.Optional(Type.String({ description: 'URL to download the snapshot through the private endpoint.' })),
  endpointId: Type.Optional(
    Type.String({ pattern: '^vpce-[0-9a-f]{17}$', description: 'Unique string that identifies the private endpoint.' }),
  ),
});
export type PrivateDownloadDeliveryUrl = Static<typeof PrivateDownloadDeliveryUrl>;

const privateUrls = () =>
  Type.Array(PrivateDownloadDeliveryUrl, {
    readOnly: true,
    description: 'One or more private URLs through which to download the snapshot.',
  });

/**
 * One replica set's share of a download restore (`DiskBackupRestoreMember`).
 *
 * @example
 * job.components?.map((member) => member.replicaSetName);
 */
export const CloudBackupRestoreMember = Type.Object({
  downloadUrl: Type.Optional(Type.String({ readOnly: true, description: 'URL from which to download the restored data.' })),
  privateDownloadDeliveryUrls: Type.Optional(privateUrls()),
  replicaSetName: Type.Optional(Type.String({ readOnly: true, description: 'Replica set of this restore component.' })),
});
export type CloudBackupRestoreMember = Static<typeof CloudBackupRestoreMember>;

/**
 * A Cloud Backup restore job (`DiskBackupSnapshotRestoreJob`), as `listBackupRestoreJobs` and
 * `getBackupRestoreJob` return it. A job still running has no `finishedAt` and neither `failed`,
 * `cancelled` nor `expired`. Read tolerantly: `deliveryType` is an open enum, `null` in any field
 * but `id` reads as absent, unknown fields are kept.
 *
 * Deviations from the spec: it requires `deliveryType` and makes `id` optional; core reads
 * tolerantly, requiring `id` only (the path of `getBackupRestoreJob`).
 *
 * @example
 * const job = await client.getBackupRestoreJob({ groupId, clusterName, restoreJobId });
 * const running = job.finishedAt === undefined && !job.failed && !job.cancelled;
 */
export const CloudBackupRestoreJob = Type.Object({
  cancelled: Type.Optional(Type.Boolean({ readOnly: true, description: 'Whether someone cancelled this restore job.' })),
  components: Type.Optional(
    Type.Array(CloudBackupRestoreMember, { readOnly: true, description: 'Information on the restore job for each replica set.' }),
  ),
  deliveryType: Type.Optional(RestoreDeliveryType),
  deliveryUrl: Type.Optional(
    Type.Array(Type.String(), { readOnly: true, description: 'One or more URLs for the compressed snapshot files (download).' }),
  ),
  desiredTimestamp: Type.Optional(BsonTimestamp),
  expired: Type.Optional(Type.Boolean({ readOnly: true, description: 'Whether the restore job expired.' })),
  expiresAt: Type.Optional(readOnlyDate('Date and time when the restore job expires (ISO 8601, UTC).')),
  failed: Type.Optional(Type.Boolean({ readOnly: true, description: 'Whether the restore job failed.' })),
  finishedAt: Type.Optional(readOnlyDate('Date and time when the restore job completed (ISO 8601, UTC).')),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies the restore job.' }),
  links: Type.Optional(Links),
  oplogInc: Type.Optional(
    Type.Integer({ format: 'int32', minimum: 1, description: 'Oplog operation number from which to restore (point in time).' }),
  ),
  oplogTs: Type.Optional(
    Type.Integer({ format: 'int32', minimum: 1199145600, description: 'Oplog timestamp (seconds) from which to restore.' }),
  ),
  pointInTimeUTCSeconds: Type.Optional(
    Type.Integer({ format: 'int32', minimum: 1199145600, description: 'Point in time (seconds since the epoch) to restore to.' }),
  ),
  privateDownloadDeliveryUrls: Type.Optional(privateUrls()),
  snapshotId: Type.Optional(objectId({ description: 'Snapshot that this restore job restores.' })),
  targetClusterName: Type.Optional(
    Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9-]*$', description: 'Cluster to which the restore job restores.' }),
  ),
  targetGroupId: Type.Optional(objectId({ description: 'Project of the target cluster.' })),
  timestamp: Type.Optional(readOnlyDate('Date and time when MongoDB Cloud took the snapshot restored (ISO 8601, UTC).')),
});
export type CloudBackupRestoreJob = Static<typeof CloudBackupRestoreJob>;
