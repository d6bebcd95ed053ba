import { Type } from '@sinclair/typebox';
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
 * The fields a browser needs that the 2023-02-01 (`AdvancedClusterDescription`) and 2024-08-05
 * (`ClusterDescription20240805`) cluster documents share, typed as the spec types them there
 * (which differs from the 2023-01-01 `LegacyAtlasCluster`: `backupEnabled` defaults to false,
 * `mongoDBVersion` is read-only). Every other field is tolerated and kept. Read tolerantly, as
 * `Cluster`: enums are open, `null` in any field but `id` reads as absent, and only `id` is
 * required (the spec makes it optional; core needs it).
 */
export const clusterDescriptionFields = {
  backupEnabled: Type.Optional(
    Type.Boolean({ default: false, description: 'Whether the cluster can perform backups (legacy backups when true).' }),
  ),
  clusterType: Type.Optional(ClusterType),
  configServerType: Type.Optional(ConfigServerType),
  createDate: Type.Optional(
    Type.String({ format: 'date-time', readOnly: true, description: 'Date and time when MongoDB Cloud created this cluster.' }),
  ),
  encryptionAtRestProvider: Type.Optional(EncryptionAtRestProvider),
  featureCompatibilityVersion: Type.Optional(
    Type.String({ readOnly: true, description: 'Feature compatibility version of the cluster.' }),
  ),
  groupId: Type.Optional(objectId({ readOnly: true, description: 'Project that contains the cluster.' })),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies the cluster.' }),
  links: Type.Optional(Links),
  mongoDBMajorVersion: Type.Optional(Type.String({ description: 'MongoDB major version of the cluster, e.g. `8.0`.' })),
  mongoDBVersion: Type.Optional(
    Type.String({ pattern: '([\\d]+\\.[\\d]+\\.[\\d]+)', readOnly: true, description: 'Version of MongoDB the cluster runs.' }),
  ),
  name: Type.Optional(
    Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9-]*$', description: 'Human-readable label that identifies the cluster.' }),
  ),
  paused: Type.Optional(Type.Boolean({ description: 'Flag that indicates whether the cluster is paused.' })),
  pitEnabled: Type.Optional(
    Type.Boolean({ description: 'Flag that indicates whether the cluster uses continuous cloud backups.' }),
  ),
  stateName: Type.Optional(ClusterStateName),
  tags: Type.Optional(Type.Array(ResourceTag, { description: 'Key-value pairs for tagging and categorizing the cluster.' })),
  terminationProtectionEnabled: Type.Optional(
    Type.Boolean({ default: false, description: 'Whether termination protection is enabled.' }),
  ),
  versionReleaseSystem: Type.Optional(VersionReleaseSystem),
};
