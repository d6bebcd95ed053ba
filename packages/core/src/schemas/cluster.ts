import { Type, type Static } from '@sinclair/typebox';
import {
  ClusterStateName,
  ClusterType,
  ConfigServerType,
  EncryptionAtRestProvider,
  VersionReleaseSystem,
} from './cluster-enums.js';
import { ResourceTag } from './group.js';
import { Links } from './link.js';
import { objectId } from './object-id.js';

/**
 * A cluster (`LegacyAtlasCluster`) as core reads it: the fields a browser needs, typed as the
 * spec types them. Every other field the service sends (`replicationSpecs`, `connectionStrings`, …)
 * is tolerated and kept as is. Read tolerantly: enums are open (a value Atlas adds later is kept as
 * a string, see `isKnownClusterType` and its siblings), `null` in any field but `id` reads as
 * absent, and only `id` is required.
 *
 * Deviation from the spec: `id` is optional there; core needs it (de-duplication, the paths of
 * later calls), so a cluster without one is a `ResponseShapeError`.
 *
 * Deviation from the spec: `diskSizeGB` has `minimum: 10, maximum: 4096` there, bounds for what a
 * request may ask; the service reports 0.5, 2 or 5 for free and shared tiers and more than 4096
 * with extended storage, so only `minimum: 0` is enforced.
 *
 * @example
 * const page = assertShape(ClusterPageCheck, body, url);
 * page.results.filter((cluster) => cluster.backupEnabled);
 */
export const Cluster = Type.Object({
  backupEnabled: Type.Optional(
    Type.Boolean({ description: 'Whether the cluster can perform backups (legacy backups when true).' }),
  ),
  clusterType: Type.Optional(ClusterType),
  configServerType: Type.Optional(ConfigServerType),
  createDate: Type.Optional(
    Type.String({ format: 'date-time', readOnly: true, description: 'Date and time when MongoDB Cloud created this cluster.' }),
  ),
  diskSizeGB: Type.Optional(
    Type.Number({ format: 'double', minimum: 0, description: 'Storage capacity of instance data volumes in gigabytes.' }),
  ),
  encryptionAtRestProvider: Type.Optional(EncryptionAtRestProvider),
  featureCompatibilityVersion: Type.Optional(
    Type.String({ readOnly: true, description: 'Feature compatibility version of the cluster.' }),
  ),
  groupId: Type.Optional(objectId({ readOnly: true, description: 'Project that contains the cluster.' })),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies the cluster.' }),
  links: Type.Optional(Links),
  mongoDBMajorVersion: Type.Optional(Type.String({ description: 'MongoDB major version of the cluster, e.g. `7.0`.' })),
  mongoDBVersion: Type.Optional(
    Type.String({ pattern: '([\\d]+\\.[\\d]+\\.[\\d]+)', description: 'Version of MongoDB the cluster runs.' }),
  ),
  mongoURI: Type.Optional(Type.String({ readOnly: true, description: 'Base connection string for the cluster.' })),
  mongoURIUpdated: Type.Optional(
    Type.String({ format: 'date-time', readOnly: true, description: 'When the connection string was last updated.' }),
  ),
  mongoURIWithOptions: Type.Optional(Type.String({ readOnly: true, description: 'Connection string with options.' })),
  name: Type.Optional(
    Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9-]*$', description: 'Human-readable label that identifies the cluster.' }),
  ),
  numShards: Type.Optional(
    Type.Integer({ format: 'int32', minimum: 1, maximum: 50, default: 1, description: 'Number of shards.' }),
  ),
  paused: Type.Optional(Type.Boolean({ description: 'Flag that indicates whether the cluster is paused.' })),
  pitEnabled: Type.Optional(
    Type.Boolean({ description: 'Flag that indicates whether the cluster uses continuous cloud backups.' }),
  ),
  providerBackupEnabled: Type.Optional(
    Type.Boolean({ description: 'Flag that indicates whether the cluster uses Cloud Backups.' }),
  ),
  srvAddress: Type.Optional(Type.String({ readOnly: true, description: 'DNS SRV connection string.' })),
  stateName: Type.Optional(ClusterStateName),
  tags: Type.Optional(Type.Array(ResourceTag, { description: 'Key-value pairs for tagging and categorizing the cluster.' })),
  terminationProtectionEnabled: Type.Optional(
    Type.Boolean({ default: false, description: 'Whether termination protection is enabled.' }),
  ),
  versionReleaseSystem: Type.Optional(VersionReleaseSystem),
});
export type Cluster = Static<typeof Cluster>;
