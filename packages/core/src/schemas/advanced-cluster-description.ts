import { Type, type Static } from '@sinclair/typebox';
import { clusterDescriptionFields } from './cluster-description-fields.js';

/**
 * A cluster as API version 2023-02-01 of the clusters list returns it (`AdvancedClusterDescription`):
 * the fields a browser needs, typed as the spec types them; `replicationSpecs` and every other
 * field the service sends are tolerated and kept as they are.
 *
 * @example
 * const page = await client.call('listGroupClusters', { groupId }, { apiVersion: '2023-02-01' });
 * page.results.map((cluster: AdvancedClusterDescription) => cluster.diskSizeGB);
 */
export const AdvancedClusterDescription = Type.Object({
  ...clusterDescriptionFields,
  diskSizeGB: Type.Optional(
    Type.Number({ format: 'double', description: 'Storage capacity of instance data volumes in gigabytes.' }),
  ),
});
export type AdvancedClusterDescription = Static<typeof AdvancedClusterDescription>;
