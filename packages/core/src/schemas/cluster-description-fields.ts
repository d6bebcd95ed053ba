import { Type } from '@sinclair/typebox';
import { ResourceTag } from './group.js';
import { Links } from './link.js';
import { objectId } from './object-id.js';

const literals = <const T extends readonly string[]>(
  values: T,
  options: { readOnly?: boolean; default?: T[number]; description: string },
) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    options,
  );

/**
 * The fields a browser needs that the 2023-02-01 (`AdvancedClusterDescription`) and 2024-08-05
 * (`ClusterDescription20240805`) cluster documents share, typed as the spec types them there
 * (which differs from the 2023-01-01 `LegacyAtlasCluster`: `backupEnabled` defaults to false,
 * `mongoDBVersion` is read-only). Every other field is tolerated and kept.
 */
export const clusterDescriptionFields = {
  backupEnabled: Type.Optional(
    Type.Boolean({ default: false, description: 'Whether the cluster can perform backups (legacy backups when true).' }),
  ),
  clusterType: Type.Optional(
    literals(['REPLICASET', 'SHARDED', 'GEOSHARDED'] as const, {
      description: 'Configuration of nodes that comprise the cluster.',
    }),
  ),
  configServerType: Type.Optional(
    literals(['DEDICATED', 'EMBEDDED'] as const, {
      readOnly: true,
      description: "Describes a sharded cluster's config server type.",
    }),
  ),
  createDate: Type.Optional(
    Type.String({ format: 'date-time', readOnly: true, description: 'Date and time when MongoDB Cloud created this cluster.' }),
  ),
  encryptionAtRestProvider: Type.Optional(
    literals(['NONE', 'AWS', 'AZURE', 'GCP'] as const, {
      description: 'Cloud service provider that manages your customer keys.',
    }),
  ),
  featureCompatibilityVersion: Type.Optional(
    Type.String({ readOnly: true, description: 'Feature compatibility version of the cluster.' }),
  ),
  groupId: Type.Optional(objectId({ readOnly: true, description: 'Project that contains the cluster.' })),
  id: Type.Optional(objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies the cluster.' })),
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
  stateName: Type.Optional(
    literals(['IDLE', 'CREATING', 'UPDATING', 'DELETING', 'REPAIRING'] as const, {
      readOnly: true,
      description: 'Human-readable label that indicates the current operating condition of the cluster.',
    }),
  ),
  tags: Type.Optional(Type.Array(ResourceTag, { description: 'Key-value pairs for tagging and categorizing the cluster.' })),
  terminationProtectionEnabled: Type.Optional(
    Type.Boolean({ default: false, description: 'Whether termination protection is enabled.' }),
  ),
  versionReleaseSystem: Type.Optional(
    literals(['LTS', 'CONTINUOUS'] as const, {
      default: 'LTS',
      description: 'Method by which the cluster maintains the MongoDB versions.',
    }),
  ),
};
