import type { Static } from '@sinclair/typebox';
import { knownValueGuard, openEnum } from './open-enum.js';

/** The values the spec lists for `LegacyAtlasCluster.clusterType`. */
export const CLUSTER_TYPES = ['REPLICASET', 'SHARDED', 'GEOSHARDED'] as const;
/**
 * Configuration of nodes that comprise the cluster: a known value or any string Atlas adds later.
 *
 * @example
 * const sharded = cluster.clusterType === 'SHARDED' || cluster.clusterType === 'GEOSHARDED';
 */
export const ClusterType = openEnum(CLUSTER_TYPES, { description: 'Configuration of nodes that comprise the cluster.' });
export type ClusterType = Static<typeof ClusterType>;
/**
 * True for a cluster type this client knows.
 *
 * @example
 * isKnownClusterType('SHARDED') // true
 */
export const isKnownClusterType = knownValueGuard(CLUSTER_TYPES);

/** The values the spec lists for `LegacyAtlasCluster.configServerType`. */
export const CONFIG_SERVER_TYPES = ['DEDICATED', 'EMBEDDED'] as const;
/**
 * A sharded cluster's config server type: a known value or any string Atlas adds later.
 *
 * @example
 * const embedded = cluster.configServerType === 'EMBEDDED';
 */
export const ConfigServerType = openEnum(CONFIG_SERVER_TYPES, {
  readOnly: true,
  description: "Describes a sharded cluster's config server type.",
});
export type ConfigServerType = Static<typeof ConfigServerType>;
/**
 * True for a config server type this client knows.
 *
 * @example
 * isKnownConfigServerType('EMBEDDED') // true
 */
export const isKnownConfigServerType = knownValueGuard(CONFIG_SERVER_TYPES);

/** The values the spec lists for `LegacyAtlasCluster.encryptionAtRestProvider`. */
export const ENCRYPTION_AT_REST_PROVIDERS = ['NONE', 'AWS', 'AZURE', 'GCP'] as const;
/**
 * Cloud service provider that manages the customer keys: a known value or any string Atlas adds later.
 *
 * @example
 * const managed = cluster.encryptionAtRestProvider !== undefined && cluster.encryptionAtRestProvider !== 'NONE';
 */
export const EncryptionAtRestProvider = openEnum(ENCRYPTION_AT_REST_PROVIDERS, {
  description: 'Cloud service provider that manages your customer keys.',
});
export type EncryptionAtRestProvider = Static<typeof EncryptionAtRestProvider>;
/**
 * True for an encryption-at-rest provider this client knows.
 *
 * @example
 * isKnownEncryptionAtRestProvider('GCP') // true
 */
export const isKnownEncryptionAtRestProvider = knownValueGuard(ENCRYPTION_AT_REST_PROVIDERS);

/** The values the spec lists for `LegacyAtlasCluster.stateName`. */
export const CLUSTER_STATE_NAMES = ['IDLE', 'CREATING', 'UPDATING', 'DELETING', 'REPAIRING'] as const;
/**
 * The current operating condition of the cluster: a known value or any string Atlas adds later.
 *
 * @example
 * const busy = cluster.stateName !== undefined && cluster.stateName !== 'IDLE';
 */
export const ClusterStateName = openEnum(CLUSTER_STATE_NAMES, {
  readOnly: true,
  description: 'Human-readable label that indicates the current operating condition of the cluster.',
});
export type ClusterStateName = Static<typeof ClusterStateName>;
/**
 * True for a cluster state this client knows.
 *
 * @example
 * isKnownClusterStateName('REPAIRING') // true
 */
export const isKnownClusterStateName = knownValueGuard(CLUSTER_STATE_NAMES);

/** The values the spec lists for `LegacyAtlasCluster.versionReleaseSystem`. */
export const VERSION_RELEASE_SYSTEMS = ['LTS', 'CONTINUOUS'] as const;
/**
 * How the cluster maintains its MongoDB version: a known value or any string Atlas adds later.
 *
 * @example
 * const rapid = cluster.versionReleaseSystem === 'CONTINUOUS';
 */
export const VersionReleaseSystem = openEnum(VERSION_RELEASE_SYSTEMS, {
  default: 'LTS',
  description: 'Method by which the cluster maintains the MongoDB versions.',
});
export type VersionReleaseSystem = Static<typeof VersionReleaseSystem>;
/**
 * True for a version release system this client knows.
 *
 * @example
 * isKnownVersionReleaseSystem('LTS') // true
 */
export const isKnownVersionReleaseSystem = knownValueGuard(VERSION_RELEASE_SYSTEMS);
