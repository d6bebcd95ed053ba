import { Type, type Static } from '@sinclair/typebox';
import { clusterDescriptionFields } from './cluster-description-fields.js';

/**
 * A cluster as API version 2024-08-05 of the clusters list returns it (`ClusterDescription20240805`,
 * the newest version, which `listClusters` asks for by default): the fields a browser needs, typed
 * as the spec types them; `replicationSpecs` and every other field are tolerated and kept.
 *
 * @example
 * const page = await client.listClusters({ groupId });
 * page.results.filter((cluster) => cluster.retainBackups);
 */
export const ClusterDescription20240805 = Type.Object({
  ...clusterDescriptionFields,
  retainBackups: Type.Optional(
    Type.Boolean({ default: false, description: 'Whether the backups are retained after the cluster is deleted.' }),
  ),
});
export type ClusterDescription20240805 = Static<typeof ClusterDescription20240805>;
