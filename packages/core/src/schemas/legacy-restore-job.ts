import { Type, type Static } from '@sinclair/typebox';
import { LegacyRestoreStatusName, RestoreDeliveryMethodName, RestoreDeliveryStatusName } from './backup-enums.js';
import { BsonTimestamp } from './bson-timestamp.js';
import { Links } from './link.js';
import { objectId } from './object-id.js';

const CLUSTER_NAME = '^[a-zA-Z0-9][a-zA-Z0-9-]*$';

/**
 * A checksum of one file a legacy restore delivers (`RestoreJobFileHash`).
 *
 * @example
 * job.hashes?.map((hash) => `${hash.fileName} ${hash.hash}`);
 */
export const RestoreJobFileHash = Type.Object(
  {
    fileName: Type.Optional(Type.String({ readOnly: true, description: 'Name of the file.' })),
    hash: Type.Optional(Type.String({ readOnly: true, description: 'Hash of the file.' })),
    links: Type.Optional(Links),
    typeName: Type.Optional(
      Type.Union([Type.Literal('SHA1'), Type.String()], { readOnly: true, description: 'Hashing algorithm.' }),
    ),
  },
  { readOnly: true, description: 'Key and value pair that map one restore file to one hashed checksum.' },
);
export type RestoreJobFileHash = Static<typeof RestoreJobFileHash>;

/**
 * How a legacy restore job delivers its data (`BackupRestoreJobDelivery`). The spec requires
 * `methodName`; core reads it tolerantly (optional).
 *
 * @example
 * job.delivery?.statusName === 'READY' && job.delivery.urlV2;
 */
export const LegacyRestoreJobDelivery = Type.Object({
  authHeader: Type.Optional(Type.String({ readOnly: true, description: 'Header name to use when downloading the restore.' })),
  authValue: Type.Optional(Type.String({ readOnly: true, description: 'Header value to use when downloading the restore.' })),
  expirationHours: Type.Optional(
    Type.Integer({ format: 'int32', minimum: 1, description: 'Hours after the restore job completes that the link works.' }),
  ),
  expires: Type.Optional(
    Type.String({ format: 'date-time', readOnly: true, description: 'When the download link expires (ISO 8601, UTC).' }),
  ),
  maxDownloads: Type.Optional(Type.Integer({ format: 'int32', minimum: 1, description: 'How many times the link may be used.' })),
  methodName: Type.Optional(RestoreDeliveryMethodName),
  statusName: Type.Optional(RestoreDeliveryStatusName),
  targetClusterId: Type.Optional(objectId({ description: 'Cluster to which the restore job restores.' })),
  targetClusterName: Type.Optional(
    Type.String({ pattern: CLUSTER_NAME, description: 'Cluster to which the restore job restores.' }),
  ),
  targetGroupId: Type.Optional(objectId({ description: 'Project of the target cluster.' })),
  url: Type.Optional(Type.String({ readOnly: true, description: 'Download URL (deprecated: use `urlV2`).' })),
  urlV2: Type.Optional(Type.String({ readOnly: true, description: 'Download URL.' })),
});
export type LegacyRestoreJobDelivery = Static<typeof LegacyRestoreJobDelivery>;

/**
 * A legacy backup restore job (`BackupRestoreJob`, deprecated with legacy backup), as
 * `listLegacyRestoreJobs` and `getLegacyRestoreJob` return it. `statusName` `IN_PROGRESS` means
 * it may still change. Read tolerantly: enums are open, `null` in any field but `id` reads as
 * absent, unknown fields are kept.
 *
 * Deviations from the spec: it requires `delivery` and makes `id` optional; core requires `id`
 * only (the path of `getLegacyRestoreJob`). `oplogTs` is a request-only field whose pattern is
 * escaped twice in the spec (it matches a backslash), so core reads it as any string.
 *
 * @example
 * const page = await client.listLegacyRestoreJobs({ groupId, clusterName });
 * page.results.filter((job) => job.statusName === 'IN_PROGRESS');
 */
export const LegacyRestoreJob = Type.Object({
  batchId: Type.Optional(objectId({ readOnly: true, description: 'Batch of restore jobs (one per shard) this job is part of.' })),
  checkpointId: Type.Optional(objectId({ description: 'Checkpoint to restore (request only).' })),
  clusterId: Type.Optional(objectId({ readOnly: true, description: 'Cluster that the restore job restores.' })),
  clusterName: Type.Optional(
    Type.String({ pattern: CLUSTER_NAME, readOnly: true, description: 'Cluster that the restore job restores.' }),
  ),
  created: Type.Optional(
    Type.String({ format: 'date-time', readOnly: true, description: 'When someone requested the restore job (ISO 8601, UTC).' }),
  ),
  delivery: Type.Optional(LegacyRestoreJobDelivery),
  deploymentJobId: Type.Optional(Type.String({ readOnly: true, description: 'Deployment job of an automated restore.' })),
  encryptionEnabled: Type.Optional(Type.Boolean({ readOnly: true, description: 'Whether the restored data is encrypted.' })),
  groupId: Type.Optional(objectId({ readOnly: true, description: 'Project that owns the restore job.' })),
  hashes: Type.Optional(
    Type.Array(RestoreJobFileHash, { readOnly: true, description: 'Checksums of the files the restore delivers.' }),
  ),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies the restore job.' }),
  links: Type.Optional(Links),
  masterKeyUUID: Type.Optional(Type.String({ format: 'uuid', readOnly: true, description: 'Key that encrypted the data.' })),
  oplogInc: Type.Optional(
    Type.Integer({ format: 'int32', minimum: 1, description: 'Oplog operation number to restore to (request only).' }),
  ),
  oplogTs: Type.Optional(Type.String({ description: 'Oplog timestamp to restore to (request only).' })),
  pointInTimeUTCMillis: Type.Optional(
    Type.Integer({ format: 'int64', minimum: 1199145600000, description: 'Point in time to restore to (request only).' }),
  ),
  snapshotId: Type.Optional(objectId({ description: 'Snapshot that this restore job restores.' })),
  statusName: Type.Optional(LegacyRestoreStatusName),
  timestamp: Type.Optional(BsonTimestamp),
});
export type LegacyRestoreJob = Static<typeof LegacyRestoreJob>;
