export { AdvancedClusterDescription } from './advanced-cluster-description.js';
export { ApiError, BadRequestDetail, FieldViolation } from './api-error.js';
export { BsonTimestamp } from './bson-timestamp.js';
export { Checkpoint } from './checkpoint.js';
export { CheckpointPart, CheckpointPartType } from './checkpoint-part.js';
export { Cluster } from './cluster.js';
export { ClusterDescription20240805 } from './cluster-description-20240805.js';
export { describeSchema } from './describe-expected.js';
export { isDateTime, registerFormats } from './formats.js';
export { Group, ResourceTag } from './group.js';
export { Link, Links } from './link.js';
export { OBJECT_ID_PATTERN } from './object-id.js';
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
