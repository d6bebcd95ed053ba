import type { Static } from '@sinclair/typebox';
import { Checkpoint } from './checkpoint.js';
import { Cluster } from './cluster.js';
import { Group } from './group.js';
import { Paginated } from './paginated.js';

/**
 * A page of checkpoints (`PaginatedApiAtlasCheckpointView`).
 *
 * @example
 * const page: CheckpointPage = assertShape(CheckpointPageCheck, body, url);
 */
export const CheckpointPage = Paginated(Checkpoint);
export type CheckpointPage = Static<typeof CheckpointPage>;

/**
 * A page of projects (`PaginatedAtlasGroupView`).
 *
 * @example
 * const page: GroupPage = assertShape(GroupPageCheck, body, url);
 */
export const GroupPage = Paginated(Group);
export type GroupPage = Static<typeof GroupPage>;

/**
 * A page of clusters (`PaginatedLegacyClusterView`).
 *
 * @example
 * const page: ClusterPage = assertShape(ClusterPageCheck, body, url);
 */
export const ClusterPage = Paginated(Cluster);
export type ClusterPage = Static<typeof ClusterPage>;
