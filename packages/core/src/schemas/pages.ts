import type { Static } from '@sinclair/typebox';
import { AdvancedClusterDescription } from './advanced-cluster-description.js';
import { Checkpoint } from './checkpoint.js';
import { ClusterDescription20240805 } from './cluster-description-20240805.js';
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

/**
 * A page of clusters in API version 2023-02-01 (`PaginatedAdvancedClusterDescriptionView`).
 *
 * @example
 * const page: AdvancedClusterDescriptionPage = await client.call('listGroupClusters', { groupId }, { apiVersion: '2023-02-01' });
 */
export const AdvancedClusterDescriptionPage = Paginated(AdvancedClusterDescription);
export type AdvancedClusterDescriptionPage = Static<typeof AdvancedClusterDescriptionPage>;

/**
 * A page of clusters in API version 2024-08-05 (`PaginatedClusterDescription20240805`).
 *
 * @example
 * const page: ClusterDescription20240805Page = await client.listClusters({ groupId });
 */
export const ClusterDescription20240805Page = Paginated(ClusterDescription20240805);
export type ClusterDescription20240805Page = Static<typeof ClusterDescription20240805Page>;
