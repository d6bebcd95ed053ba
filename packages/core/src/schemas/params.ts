import { Type, type Static } from '@sinclair/typebox';
import { objectId } from './object-id.js';

/**
 * A project id: 24 hexadecimal digits (`^([a-f0-9]{24})$`).
 *
 * @example
 * GroupIdCheck.Check('32b6e34b3d91647abb20e7b8') // true
 */
export const GroupId = objectId({ description: 'Unique 24-hexadecimal digit string that identifies your project.' });
export type GroupId = Static<typeof GroupId>;

/**
 * A cluster name as the path accepts it (`^[a-zA-Z0-9][a-zA-Z0-9-]*$`).
 *
 * @example
 * ClusterNameCheck.Check('Cluster0') // true
 */
export const ClusterName = Type.String({
  pattern: '^[a-zA-Z0-9][a-zA-Z0-9-]*$',
  description: 'Human-readable label that identifies the cluster.',
});
export type ClusterName = Static<typeof ClusterName>;

/**
 * A checkpoint id: 24 hexadecimal digits (`^([a-f0-9]{24})$`).
 *
 * @example
 * CheckpointIdCheck.Check('5f4007f327a3bd7b6f4103c5') // true
 */
export const CheckpointId = objectId({ description: 'Unique 24-hexadecimal digit string that identifies the checkpoint.' });
export type CheckpointId = Static<typeof CheckpointId>;

/**
 * A snapshot id (Cloud Backup or legacy): 24 hexadecimal digits (`^([a-f0-9]{24})$`).
 *
 * @example
 * await client.getBackupSnapshot({ groupId, clusterName, snapshotId: '5f4007f327a3bd7b6f4103c5' });
 */
export const SnapshotId = objectId({ description: 'Unique 24-hexadecimal digit string that identifies the desired snapshot.' });
export type SnapshotId = Static<typeof SnapshotId>;

/**
 * A Cloud Backup restore job id: 24 hexadecimal digits (`^([a-f0-9]{24})$`).
 *
 * @example
 * await client.getBackupRestoreJob({ groupId, clusterName, restoreJobId });
 */
export const RestoreJobId = objectId({
  description: 'Unique 24-hexadecimal digit string that identifies the restore job to return.',
});
export type RestoreJobId = Static<typeof RestoreJobId>;

/**
 * A legacy restore job id: 24 hexadecimal digits (`^([a-f0-9]{24})$`); the spec's path calls it `jobId`.
 *
 * @example
 * await client.getLegacyRestoreJob({ groupId, clusterName, jobId });
 */
export const JobId = objectId({ description: 'Unique 24-hexadecimal digit string that identifies the restore job.' });
export type JobId = Static<typeof JobId>;

/**
 * Which legacy snapshots to list: complete ones (`true`, the default), incomplete ones, or `all`.
 *
 * @example
 * await client.listLegacySnapshots({ groupId, clusterName, completed: 'all' });
 */
export const Completed = Type.Union([Type.Literal('all'), Type.Literal('true'), Type.Literal('false')], {
  default: 'true',
  description: 'Whether to return complete snapshots, incomplete ones, or all.',
});
export type Completed = Static<typeof Completed>;

/**
 * A legacy restore batch id: 24 hexadecimal digits (`^([a-f0-9]{24})$`).
 *
 * @example
 * await client.listLegacyRestoreJobs({ groupId, clusterName, batchId });
 */
export const BatchId = objectId({ description: 'Unique 24-hexadecimal digit string that identifies the batch of restore jobs.' });
export type BatchId = Static<typeof BatchId>;

/**
 * An integer filter of the Cloud Backup snapshots list (`pointInTimeUtcSeconds`, `oplogTs`, `oplogInc`).
 *
 * @example
 * await client.listBackupSnapshots({ groupId, clusterName, pointInTimeUtcSeconds: 1714815720 });
 */
export const Int64Filter = Type.Integer({ format: 'int64' });
export type Int64Filter = Static<typeof Int64Filter>;

/**
 * Page number, from 1.
 *
 * @example
 * const first: PageNum = 1;
 */
export const PageNum = Type.Integer({ minimum: 1, default: 1, description: 'Number of the page to return, from 1.' });
export type PageNum = Static<typeof PageNum>;

/**
 * Items per page, 1..500.
 *
 * @example
 * const most: ItemsPerPage = 500;
 */
export const ItemsPerPage = Type.Integer({
  minimum: 1,
  maximum: 500,
  default: 100,
  description: 'Number of items that the response returns per page.',
});
export type ItemsPerPage = Static<typeof ItemsPerPage>;

/**
 * Whether the list response carries `totalCount`.
 *
 * @example
 * const fast: IncludeCount = false;
 */
export const IncludeCount = Type.Boolean({
  default: true,
  description: 'Whether the response returns the total number of items (`totalCount`).',
});
export type IncludeCount = Static<typeof IncludeCount>;

/**
 * The query every list operation takes.
 *
 * @example
 * const query: ListQuery = { pageNum: 2, itemsPerPage: 500, includeCount: false };
 */
export const ListQuery = Type.Object({
  pageNum: Type.Optional(PageNum),
  itemsPerPage: Type.Optional(ItemsPerPage),
  includeCount: Type.Optional(IncludeCount),
});
export type ListQuery = Static<typeof ListQuery>;

/**
 * Whether the answer is wrapped in an envelope (lists gain `status`; one resource becomes `{ status, content }`).
 *
 * @example
 * const wrapped: Envelope = true;
 */
export const Envelope = Type.Boolean({
  default: false,
  description: 'Whether the response is wrapped in an envelope JSON object carrying the HTTP status.',
});
export type Envelope = Static<typeof Envelope>;

/**
 * Whether the body is indented.
 *
 * @example
 * const indented: Pretty = true;
 */
export const Pretty = Type.Boolean({ default: false, description: 'Whether the response body is in prettyprint format.' });
export type Pretty = Static<typeof Pretty>;

/**
 * Whether the clusters list also returns deleted clusters whose backups are retained.
 *
 * @example
 * await client.listClusters({ groupId, includeDeletedWithRetainedBackups: true });
 */
export const IncludeDeletedWithRetainedBackups = Type.Boolean({
  default: false,
  description: 'Whether to return clusters with retained backups.',
});
export type IncludeDeletedWithRetainedBackups = Static<typeof IncludeDeletedWithRetainedBackups>;
