export { listRestorePoints, restorePointKinds } from './list-restore-points.js';
export type { ListRestorePointsParams, RestorePointCluster } from './list-restore-points.js';
export { newestFirst, RESTORE_POINT_KINDS, restorePoint } from './restore-point.js';
export type { RestorePoint, RestorePointKind } from './restore-point.js';
