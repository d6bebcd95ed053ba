export { AdvancedClusterDescription } from './advanced-cluster-description.js';
export { ApiError, BadRequestDetail, FieldViolation } from './api-error.js';
export { BsonTimestamp } from './bson-timestamp.js';
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
export { knownValueGuard, openEnum } from './open-enum.js';
export type { OpenEnum } from './open-enum.js';
export { compileShapeCheck, readerFor } from './shape-check.js';
export type { ShapeCheck } from './shape-check.js';
export { tolerantSchema } from './tolerant-schema.js';
export { Paginated } from './paginated.js';
export type { Page } from './paginated.js';
export {
  AdvancedClusterDescriptionPage,
  CheckpointPage,
  ClusterDescription20240805Page,
  ClusterPage,
  GroupPage,
} from './pages.js';
export {
  CheckpointId,
  ClusterName,
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
