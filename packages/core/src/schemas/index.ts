export { AdvancedClusterDescription } from './advanced-cluster-description.js';
export { ApiError, BadRequestDetail, FieldViolation } from './api-error.js';
export {
  CLOUD_PROVIDERS,
  CloudProvider,
  isKnownCloudProvider,
  isKnownLegacyRestoreStatusName,
  isKnownLegacySnapshotPartTypeName,
  isKnownRestoreDeliveryMethodName,
  isKnownRestoreDeliveryStatusName,
  isKnownRestoreDeliveryType,
  isKnownSnapshotFrequencyType,
  isKnownSnapshotKind,
  isKnownSnapshotStatus,
  isKnownSnapshotType,
  LEGACY_RESTORE_STATUS_NAMES,
  LEGACY_SNAPSHOT_PART_TYPE_NAMES,
  LegacyRestoreStatusName,
  LegacySnapshotPartTypeName,
  RESTORE_DELIVERY_METHOD_NAMES,
  RESTORE_DELIVERY_STATUS_NAMES,
  RESTORE_DELIVERY_TYPES,
  RestoreDeliveryMethodName,
  RestoreDeliveryStatusName,
  RestoreDeliveryType,
  SNAPSHOT_FREQUENCY_TYPES,
  SNAPSHOT_KINDS,
  SNAPSHOT_STATUSES,
  SNAPSHOT_TYPES,
  SnapshotFrequencyType,
  SnapshotKind,
  SnapshotStatus,
  SnapshotType,
} from './backup-enums.js';
export {
  AutoExportPolicy,
  CopyPolicyItem,
  ExtraRetentionSetting,
  isKnownPolicyFrequencyType,
  POLICY_FREQUENCY_TYPES,
  PolicyFrequencyType,
  SchedulePolicy,
  SchedulePolicyItem,
} from './backup-policy.js';
export { BsonTimestamp } from './bson-timestamp.js';
export { CloudBackupRestoreJob, CloudBackupRestoreMember, PrivateDownloadDeliveryUrl } from './cloud-backup-restore-job.js';
export { CloudBackupSchedule, CloudBackupSchedule20240805 } from './cloud-backup-schedule.js';
export { CloudBackupShardedSnapshot, CloudBackupShardedSnapshotMember, CloudBackupSnapshot } from './cloud-backup-snapshot.js';
export { LegacyRestoreJob, LegacyRestoreJobDelivery, RestoreJobFileHash } from './legacy-restore-job.js';
export { LegacySnapshot, LegacySnapshotPart } from './legacy-snapshot.js';
export { LegacySnapshotSchedule } from './legacy-snapshot-schedule.js';
export { isCloudBackupRestoreJobRunning, isLegacyRestoreJobRunning } from './restore-job-state.js';
export { Checkpoint } from './checkpoint.js';
export {
  CHECKPOINT_PART_TYPE_NAMES,
  CheckpointPart,
  CheckpointPartTypeName,
  isKnownCheckpointPartTypeName,
} from './checkpoint-part.js';
export type { KnownCheckpointPartTypeName } from './checkpoint-part.js';
export { Cluster } from './cluster.js';
export { ClusterDescription20240805 } from './cluster-description-20240805.js';
export {
  CLUSTER_STATE_NAMES,
  CLUSTER_TYPES,
  ClusterStateName,
  ClusterType,
  CONFIG_SERVER_TYPES,
  ConfigServerType,
  ENCRYPTION_AT_REST_PROVIDERS,
  EncryptionAtRestProvider,
  isKnownClusterStateName,
  isKnownClusterType,
  isKnownConfigServerType,
  isKnownEncryptionAtRestProvider,
  isKnownVersionReleaseSystem,
  VERSION_RELEASE_SYSTEMS,
  VersionReleaseSystem,
} from './cluster-enums.js';
export { describeSchema } from './describe-expected.js';
export { isDateTime, registerFormats } from './formats.js';
export {
  Group,
  isKnownRegionUsageRestrictions,
  REGION_USAGE_RESTRICTIONS,
  RegionUsageRestrictions,
  ResourceTag,
} from './group.js';
export { Link, Links } from './link.js';
export { OBJECT_ID_PATTERN } from './object-id.js';
export { knownValueGuard, openEnum, openIntegerEnum } from './open-enum.js';
export type { OpenEnum } from './open-enum.js';
export { compileShapeCheck, readerFor } from './shape-check.js';
export type { ShapeCheck } from './shape-check.js';
export { tolerantSchema } from './tolerant-schema.js';
export { Paginated } from './paginated.js';
export type { Page } from './paginated.js';
export {
  AdvancedClusterDescriptionPage,
  CheckpointPage,
  CloudBackupRestoreJobPage,
  CloudBackupShardedSnapshotPage,
  CloudBackupSnapshotPage,
  ClusterDescription20240805Page,
  ClusterPage,
  GroupPage,
  LegacyRestoreJobPage,
  LegacySnapshotPage,
} from './pages.js';
export {
  BatchId,
  CheckpointId,
  ClusterName,
  Completed,
  Int64Filter,
  JobId,
  RestoreJobId,
  SnapshotId,
  Envelope,
  GroupId,
  IncludeCount,
  IncludeDeletedWithRetainedBackups,
  ItemsPerPage,
  ListQuery,
  PageNum,
  Pretty,
} from './params.js';
export {
  ApiErrorCheck,
  assertShape,
  CheckpointCheck,
  CheckpointIdCheck,
  CheckpointPageCheck,
  ClusterNameCheck,
  ClusterPageCheck,
  GroupIdCheck,
  GroupPageCheck,
  ListQueryCheck,
} from './validators.js';
