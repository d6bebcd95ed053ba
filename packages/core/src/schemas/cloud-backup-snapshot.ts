import { Type, type Static } from '@sinclair/typebox';
import { CloudProvider, SnapshotFrequencyType, SnapshotKind, SnapshotStatus, SnapshotType } from './backup-enums.js';
import { Links } from './link.js';
import { objectId } from './object-id.js';
import { openEnum } from './open-enum.js';

const readOnlyDate = (description: string) => Type.String({ format: 'date-time', readOnly: true, description });
const MONGOD_VERSION = '([\\d]+\\.[\\d]+\\.[\\d]+)';

/** Fields a replica-set and a sharded-cluster Cloud Backup snapshot share, as the spec types them. */
const SNAPSHOT_FIELDS = {
  createdAt: Type.Optional(readOnlyDate('Date and time when MongoDB Cloud took the snapshot (ISO 8601, UTC).')),
  description: Type.Optional(
    Type.String({ readOnly: true, description: 'Why the snapshot was taken (on-demand snapshots carry one).' }),
  ),
  expiresAt: Type.Optional(readOnlyDate('Date and time when MongoDB Cloud deletes the snapshot (ISO 8601, UTC).')),
  frequencyType: Type.Optional(SnapshotFrequencyType),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies the snapshot.' }),
  links: Type.Optional(Links),
  masterKeyUUID: Type.Optional(
    Type.String({ format: 'uuid', readOnly: true, description: 'Customer master key that encrypted the snapshot.' }),
  ),
  mongodVersion: Type.Optional(
    Type.String({
      pattern: MONGOD_VERSION,
      readOnly: true,
      description: 'Version of the MongoDB host that this snapshot backs up.',
    }),
  ),
  policyItems: Type.Optional(
    Type.Array(objectId(), { readOnly: true, description: 'Backup policy items (ids) that this snapshot belongs to.' }),
  ),
  snapshotType: Type.Optional(SnapshotType),
  status: Type.Optional(SnapshotStatus),
  storageSizeBytes: Type.Optional(
    Type.Integer({ format: 'int64', readOnly: true, description: 'Number of bytes taken to store the backup snapshot.' }),
  ),
  type: Type.Optional(SnapshotKind),
};

/**
 * A Cloud Backup snapshot of a replica set (`DiskBackupReplicaSet`), as `listBackupSnapshots` and
 * `getBackupSnapshot` return it. Read tolerantly: enums are open (`isKnownSnapshotStatus` and its
 * siblings tell a known value), `null` in any field but `id` reads as absent, unknown fields are kept.
 *
 * Deviation from the spec: `id` is optional there; core needs it (de-duplication, the path of
 * `getBackupSnapshot`), so a snapshot without one is a `ResponseShapeError`.
 *
 * @example
 * const page = await client.listBackupSnapshots({ groupId, clusterName: 'Cluster0' });
 * page.results.filter((snapshot) => snapshot.status === 'completed').map((snapshot) => snapshot.createdAt);
 */
export const CloudBackupSnapshot = Type.Object({
  cloudProvider: Type.Optional(CloudProvider),
  copyRegions: Type.Optional(
    Type.Array(Type.String(), { readOnly: true, description: 'Regions to which MongoDB Cloud copied this snapshot.' }),
  ),
  ...SNAPSHOT_FIELDS,
  replicaSetName: Type.Optional(
    Type.String({ readOnly: true, description: 'Human-readable label that identifies the replica set of this snapshot.' }),
  ),
});
export type CloudBackupSnapshot = Static<typeof CloudBackupSnapshot>;

/**
 * One shard's (or the config server's) snapshot within a sharded-cluster snapshot
 * (`DiskBackupShardedClusterSnapshotMember`). The spec requires `cloudProvider`, `id` and
 * `replicaSetName`; core reads tolerantly and requires only `id`.
 *
 * @example
 * snapshot.members?.map((member) => `${member.replicaSetName}: ${member.id}`);
 */
export const CloudBackupShardedSnapshotMember = Type.Object({
  cloudProvider: Type.Optional(CloudProvider),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies this member snapshot.' }),
  replicaSetName: Type.Optional(
    Type.String({ readOnly: true, description: 'Human-readable label that identifies the shard or config host.' }),
  ),
});
export type CloudBackupShardedSnapshotMember = Static<typeof CloudBackupShardedSnapshotMember>;

/**
 * A Cloud Backup snapshot of a sharded cluster (`DiskBackupShardedClusterSnapshot`): one member
 * per shard plus the config server, as `listShardedClusterBackupSnapshots` and
 * `getShardedClusterBackupSnapshot` return it. Read tolerantly as {@link CloudBackupSnapshot}.
 *
 * Deviation from the spec: `id` is required (see {@link CloudBackupSnapshot}).
 *
 * @example
 * const page = await client.listShardedClusterBackupSnapshots({ groupId, clusterName: 'Cluster0' });
 * page.results[0]?.members?.length // shards + 1
 */
export const CloudBackupShardedSnapshot = Type.Object({
  // The values of `ConfigServerType` (see `isKnownConfigServerType`), in this schema's spec order.
  configServerType: Type.Optional(
    openEnum(['EMBEDDED', 'DEDICATED'] as const, { readOnly: true, description: "The sharded cluster's config server type." }),
  ),
  ...SNAPSHOT_FIELDS,
  members: Type.Optional(
    Type.Array(CloudBackupShardedSnapshotMember, {
      readOnly: true,
      description: 'List that includes the snapshots and the cloud provider that stores the snapshots.',
    }),
  ),
  snapshotIds: Type.Optional(
    Type.Array(objectId({ readOnly: true }), {
      readOnly: true,
      description: 'List that contains the unique identifiers of the snapshots created for the shards and config host.',
    }),
  ),
});
export type CloudBackupShardedSnapshot = Static<typeof CloudBackupShardedSnapshot>;
