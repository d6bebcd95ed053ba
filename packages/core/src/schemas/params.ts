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
