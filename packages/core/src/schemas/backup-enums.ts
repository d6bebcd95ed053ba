import type { Static } from '@sinclair/typebox';
import { knownValueGuard, openEnum } from './open-enum.js';

/** The values the spec lists for a Cloud Backup snapshot's `cloudProvider`. */
export const CLOUD_PROVIDERS = ['AWS', 'AZURE', 'GCP'] as const;
/**
 * A cloud provider: a known value or any string Atlas adds later.
 *
 * @example
 * const aws = snapshot.cloudProvider === 'AWS';
 */
export const CloudProvider = openEnum(CLOUD_PROVIDERS, {
  readOnly: true,
  description: 'Human-readable label that identifies the cloud provider that stores this snapshot.',
});
export type CloudProvider = Static<typeof CloudProvider>;
/**
 * True for a cloud provider this client knows.
 *
 * @example
 * isKnownCloudProvider('GCP') // true
 */
export const isKnownCloudProvider = knownValueGuard(CLOUD_PROVIDERS);

/** The values the spec lists for a Cloud Backup snapshot's `frequencyType`. */
export const SNAPSHOT_FREQUENCY_TYPES = ['hourly', 'daily', 'weekly', 'monthly', 'yearly'] as const;
/**
 * How often the policy that took a snapshot runs: a known value or any string Atlas adds later.
 *
 * @example
 * const daily = snapshot.frequencyType === 'daily';
 */
export const SnapshotFrequencyType = openEnum(SNAPSHOT_FREQUENCY_TYPES, {
  readOnly: true,
  description: 'Human-readable label that identifies how often this snapshot triggers.',
});
export type SnapshotFrequencyType = Static<typeof SnapshotFrequencyType>;
/**
 * True for a snapshot frequency this client knows.
 *
 * @example
 * isKnownSnapshotFrequencyType('hourly') // true
 */
export const isKnownSnapshotFrequencyType = knownValueGuard(SNAPSHOT_FREQUENCY_TYPES);

/** The values the spec lists for a Cloud Backup snapshot's `snapshotType`. */
export const SNAPSHOT_TYPES = ['onDemand', 'scheduled', 'fallback'] as const;
/**
 * How a snapshot was taken: a known value or any string Atlas adds later.
 *
 * @example
 * const manual = snapshot.snapshotType === 'onDemand';
 */
export const SnapshotType = openEnum(SNAPSHOT_TYPES, {
  readOnly: true,
  description: 'Human-readable label that identifies when this snapshot triggers.',
});
export type SnapshotType = Static<typeof SnapshotType>;
/**
 * True for a snapshot type this client knows.
 *
 * @example
 * isKnownSnapshotType('fallback') // true
 */
export const isKnownSnapshotType = knownValueGuard(SNAPSHOT_TYPES);

/** The values the spec lists for a Cloud Backup snapshot's `status`. */
export const SNAPSHOT_STATUSES = ['queued', 'inProgress', 'completed', 'failed'] as const;
/**
 * A Cloud Backup snapshot's progress: a known value or any string Atlas adds later.
 *
 * @example
 * const usable = snapshot.status === 'completed';
 */
export const SnapshotStatus = openEnum(SNAPSHOT_STATUSES, {
  readOnly: true,
  description: 'Human-readable label that indicates the stage of the backup process for this snapshot.',
});
export type SnapshotStatus = Static<typeof SnapshotStatus>;
/**
 * True for a snapshot status this client knows.
 *
 * @example
 * isKnownSnapshotStatus('inProgress') // true
 */
export const isKnownSnapshotStatus = knownValueGuard(SNAPSHOT_STATUSES);

/** The values the spec lists for a Cloud Backup snapshot's `type`. */
export const SNAPSHOT_KINDS = ['replicaSet', 'shardedCluster'] as const;
/**
 * Whether a Cloud Backup snapshot is of a replica set or of a sharded cluster: a known value or any
 * string Atlas adds later.
 *
 * @example
 * const sharded = snapshot.type === 'shardedCluster';
 */
export const SnapshotKind = openEnum(SNAPSHOT_KINDS, {
  readOnly: true,
  description: 'Human-readable label that categorizes the cluster as a replica set or sharded cluster.',
});
export type SnapshotKind = Static<typeof SnapshotKind>;
/**
 * True for a snapshot kind this client knows.
 *
 * @example
 * isKnownSnapshotKind('replicaSet') // true
 */
export const isKnownSnapshotKind = knownValueGuard(SNAPSHOT_KINDS);

/** The values the spec lists for a Cloud Backup restore job's `deliveryType`. */
export const RESTORE_DELIVERY_TYPES = ['automated', 'download', 'pointInTime'] as const;
/**
 * How a Cloud Backup restore job delivers its data: a known value or any string Atlas adds later.
 *
 * @example
 * const toCluster = job.deliveryType === 'automated' || job.deliveryType === 'pointInTime';
 */
export const RestoreDeliveryType = openEnum(RESTORE_DELIVERY_TYPES, {
  description: 'Human-readable label that categorizes the restore job to create.',
});
export type RestoreDeliveryType = Static<typeof RestoreDeliveryType>;
/**
 * True for a delivery type this client knows.
 *
 * @example
 * isKnownRestoreDeliveryType('download') // true
 */
export const isKnownRestoreDeliveryType = knownValueGuard(RESTORE_DELIVERY_TYPES);

/** The values the spec lists for a legacy restore job's `statusName`. */
export const LEGACY_RESTORE_STATUS_NAMES = ['IN_PROGRESS', 'BROKEN', 'KILLED', 'FINISHED'] as const;
/**
 * A legacy restore job's status: a known value or any string Atlas adds later.
 *
 * @example
 * const running = job.statusName === 'IN_PROGRESS';
 */
export const LegacyRestoreStatusName = openEnum(LEGACY_RESTORE_STATUS_NAMES, {
  readOnly: true,
  description: 'Human-readable label that identifies the status of the downloadable file at the time of the request.',
});
export type LegacyRestoreStatusName = Static<typeof LegacyRestoreStatusName>;
/**
 * True for a legacy restore status this client knows.
 *
 * @example
 * isKnownLegacyRestoreStatusName('KILLED') // true
 */
export const isKnownLegacyRestoreStatusName = knownValueGuard(LEGACY_RESTORE_STATUS_NAMES);

/** The values the spec lists for a legacy restore job's `delivery.methodName`. */
export const RESTORE_DELIVERY_METHOD_NAMES = [
  'CLIENT_PIT_HTTP',
  'QUERY',
  'AUTOMATED_RESTORE',
  'HTTP',
  'THIRD_PARTY_COPY',
  'CLIENT_PIT_SCP',
  'SCP',
] as const;
/**
 * How a legacy restore job delivers its data: a known value or any string Atlas adds later.
 *
 * @example
 * const download = job.delivery?.methodName === 'HTTP';
 */
export const RestoreDeliveryMethodName = openEnum(RESTORE_DELIVERY_METHOD_NAMES, {
  description: 'Human-readable label that identifies the means for delivering the data.',
});
export type RestoreDeliveryMethodName = Static<typeof RestoreDeliveryMethodName>;
/**
 * True for a delivery method this client knows.
 *
 * @example
 * isKnownRestoreDeliveryMethodName('SCP') // true
 */
export const isKnownRestoreDeliveryMethodName = knownValueGuard(RESTORE_DELIVERY_METHOD_NAMES);

/** The values the spec lists for a legacy restore job's `delivery.statusName`. */
export const RESTORE_DELIVERY_STATUS_NAMES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'READY',
  'FAILED',
  'INTERRUPTED',
  'EXPIRED',
  'MAX_DOWNLOADS_EXCEEDED',
  'PENDING',
] as const;
/**
 * The state of a legacy restore job's delivery: a known value or any string Atlas adds later.
 *
 * @example
 * const downloadable = job.delivery?.statusName === 'READY';
 */
export const RestoreDeliveryStatusName = openEnum(RESTORE_DELIVERY_STATUS_NAMES, {
  readOnly: true,
  description: 'State of the downloadable snapshot file when MongoDB Cloud received this request.',
});
export type RestoreDeliveryStatusName = Static<typeof RestoreDeliveryStatusName>;
/**
 * True for a delivery status this client knows.
 *
 * @example
 * isKnownRestoreDeliveryStatusName('READY') // true
 */
export const isKnownRestoreDeliveryStatusName = knownValueGuard(RESTORE_DELIVERY_STATUS_NAMES);

/** The values the spec lists for a legacy snapshot part's `typeName`. */
export const LEGACY_SNAPSHOT_PART_TYPE_NAMES = [
  'REPLICA_SET',
  'CONFIG_SERVER',
  'CONFIG_SERVER_REPLICA_SET',
  'CONFIG_SHARD_REPLICA_SET',
] as const;
/**
 * The kind of host a legacy snapshot part describes: a known value or any string Atlas adds later.
 *
 * @example
 * const config = part.typeName?.startsWith('CONFIG_');
 */
export const LegacySnapshotPartTypeName = openEnum(LEGACY_SNAPSHOT_PART_TYPE_NAMES, {
  readOnly: true,
  description: 'Human-readable label that categorizes the type of server from which MongoDB Cloud took this snapshot.',
});
export type LegacySnapshotPartTypeName = Static<typeof LegacySnapshotPartTypeName>;
/**
 * True for a legacy snapshot part type this client knows.
 *
 * @example
 * isKnownLegacySnapshotPartTypeName('CONFIG_SHARD_REPLICA_SET') // true
 */
export const isKnownLegacySnapshotPartTypeName = knownValueGuard(LEGACY_SNAPSHOT_PART_TYPE_NAMES);
