import { Type, type Static } from '@sinclair/typebox';
import { BsonTimestamp } from './bson-timestamp.js';
import { knownValueGuard, openEnum } from './open-enum.js';

/**
 * The part types the spec lists for `ApiCheckpointPartView.typeName`.
 *
 * @example
 * CHECKPOINT_PART_TYPE_NAMES.includes('CONFIG_SERVER_REPLICA_SET') // true
 */
export const CHECKPOINT_PART_TYPE_NAMES = ['REPLICA_SET', 'CONFIG_SERVER', 'CONFIG_SERVER_REPLICA_SET'] as const;
/** A part type the spec lists. */
export type KnownCheckpointPartTypeName = (typeof CHECKPOINT_PART_TYPE_NAMES)[number];

/**
 * The kind of host a checkpoint part describes: a known value or any string Atlas adds later.
 *
 * @example
 * const kind: CheckpointPartTypeName = 'CONFIG_SERVER_REPLICA_SET';
 * if (!isKnownCheckpointPartTypeName(kind)) console.warn(`new part type ${kind}`);
 */
export const CheckpointPartTypeName = openEnum(CHECKPOINT_PART_TYPE_NAMES, {
  readOnly: true,
  description: 'Human-readable label that identifies the type of host that the part represents.',
});
export type CheckpointPartTypeName = Static<typeof CheckpointPartTypeName>;

/**
 * True when `value` is a part type this client knows (`REPLICA_SET`, `CONFIG_SERVER`,
 * `CONFIG_SERVER_REPLICA_SET`); false for a value Atlas added later, which is still kept.
 *
 * @example
 * part.typeName !== undefined && !isKnownCheckpointPartTypeName(part.typeName) // a newer kind of host
 */
export const isKnownCheckpointPartTypeName = knownValueGuard(CHECKPOINT_PART_TYPE_NAMES);

/**
 * One node's share of a checkpoint: one per shard plus one for the config server.
 *
 * @example
 * const part: CheckpointPart = { typeName: 'REPLICA_SET', replicaSetName: 'rs0', tokenDiscovered: true };
 */
export const CheckpointPart = Type.Object(
  {
    replicaSetName: Type.Optional(Type.String({ readOnly: true, description: 'Replica set to which this checkpoint applies.' })),
    shardName: Type.Optional(Type.String({ readOnly: true, description: 'Shard to which this checkpoint applies.' })),
    tokenDiscovered: Type.Optional(
      Type.Boolean({ readOnly: true, description: 'Flag that indicates whether the token exists.' }),
    ),
    tokenTimestamp: Type.Optional(BsonTimestamp),
    typeName: Type.Optional(CheckpointPartTypeName),
  },
  { readOnly: true, description: 'Metadata contained in one document that describes the complete snapshot taken for this node.' },
);
export type CheckpointPart = Static<typeof CheckpointPart>;
