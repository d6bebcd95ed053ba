import { Type, type Static } from '@sinclair/typebox';
import { LegacySnapshotPartTypeName } from './backup-enums.js';
import { BsonTimestamp } from './bson-timestamp.js';
import { Links } from './link.js';
import { objectId } from './object-id.js';

const MONGOD_VERSION = '([\\d]+\\.[\\d]+\\.[\\d]+)';
/** The spec's `machineId` pattern (an IPv4, IPv6 or host name, then a port), copied as is. */
const MACHINE_ID = String.raw`^([0-9]{1,3}\.){3}[0-9]{1,3}|([0-9a-f]{1,4}\:){7}([0-9a-f]{1,4})|(([a-z0-9]+\.){1,10}[a-z]+)?(\:[0-9]{4,5})$`;
const bytes = (description: string) => Type.Integer({ format: 'int64', readOnly: true, description });

/**
 * One replica set's (or config server's) share of a legacy backup snapshot (`BackupSnapshotPart`).
 *
 * @example
 * snapshot.parts?.map((part) => `${part.replicaSetName} ${part.storageSizeBytes}`);
 */
export const LegacySnapshotPart = Type.Object(
  {
    clusterId: Type.Optional(objectId({ readOnly: true, description: 'Cluster that this part belongs to.' })),
    completedTime: Type.Optional(
      Type.String({ format: 'date-time', readOnly: true, description: 'When the part completed (ISO 8601, UTC).' }),
    ),
    compressionSetting: Type.Optional(
      Type.Union([Type.Literal('NONE'), Type.Literal('GZIP'), Type.String()], {
        readOnly: true,
        description: 'Method of compression for the snapshot.',
      }),
    ),
    dataSizeBytes: Type.Optional(bytes('Total size of the data stored on each node in the cluster.')),
    encryptionEnabled: Type.Optional(Type.Boolean({ readOnly: true, description: 'Whether the snapshot is encrypted.' })),
    fcv: Type.Optional(Type.String({ readOnly: true, description: 'Feature compatibility version of the host.' })),
    fileSizeBytes: Type.Optional(bytes('Number of bytes the snapshot takes on disk.')),
    machineId: Type.Optional(Type.String({ pattern: MACHINE_ID, readOnly: true, description: 'Host and port of the node.' })),
    masterKeyUUID: Type.Optional(Type.String({ format: 'uuid', readOnly: true, description: 'Key that encrypted the part.' })),
    mongodVersion: Type.Optional(
      Type.String({ pattern: MONGOD_VERSION, readOnly: true, description: 'MongoDB version of the host.' }),
    ),
    replicaSetName: Type.Optional(Type.String({ readOnly: true, description: 'Replica set of this part.' })),
    replicaState: Type.Optional(Type.String({ readOnly: true, description: 'State of the node when the part was taken.' })),
    storageSizeBytes: Type.Optional(bytes('Number of bytes the snapshot takes on the storage device.')),
    typeName: Type.Optional(LegacySnapshotPartTypeName),
  },
  { readOnly: true, description: 'Characteristics that identify this snapshot part.' },
);
export type LegacySnapshotPart = Static<typeof LegacySnapshotPart>;

/**
 * A legacy backup snapshot (`BackupSnapshot`, deprecated with legacy backup), as
 * `listLegacySnapshots` and `getLegacySnapshot` return it: one part per shard plus the config
 * server for a sharded cluster. Read tolerantly: enums are open, `null` in any field but `id` reads
 * as absent (`clusterName` is nullable in the spec too), unknown fields are kept.
 *
 * Deviation from the spec: `id` is optional there; core requires it (the path of `getLegacySnapshot`).
 *
 * @example
 * const page = await client.listLegacySnapshots({ groupId, clusterName, completed: 'all' });
 * page.results.map((snapshot) => snapshot.created?.date);
 */
export const LegacySnapshot = Type.Object({
  clusterId: Type.Optional(objectId({ readOnly: true, description: 'Cluster that this snapshot backs up.' })),
  clusterName: Type.Optional(
    Type.Union([Type.String(), Type.Null()], { readOnly: true, description: 'Cluster that this snapshot backs up.' }),
  ),
  complete: Type.Optional(Type.Boolean({ readOnly: true, description: 'Whether the snapshot is complete.' })),
  created: Type.Optional(BsonTimestamp),
  doNotDelete: Type.Optional(Type.Boolean({ description: 'Whether someone may delete this snapshot.' })),
  expires: Type.Optional(
    Type.String({ format: 'date-time', description: 'When MongoDB Cloud deletes the snapshot (ISO 8601, UTC).' }),
  ),
  groupId: Type.Optional(objectId({ readOnly: true, description: 'Project that owns the snapshot.' })),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies the snapshot.' }),
  incremental: Type.Optional(Type.Boolean({ readOnly: true, description: 'Whether the snapshot is incremental.' })),
  lastOplogAppliedTimestamp: Type.Optional(BsonTimestamp),
  links: Type.Optional(Links),
  parts: Type.Optional(
    Type.Array(LegacySnapshotPart, { readOnly: true, description: 'One part per replica set (shards and config server).' }),
  ),
});
export type LegacySnapshot = Static<typeof LegacySnapshot>;
