import { Type, type Static } from '@sinclair/typebox';
import { BsonTimestamp } from './bson-timestamp.js';

/**
 * The kinds of host a checkpoint part describes.
 *
 * @example
 * const kind: CheckpointPartType = 'CONFIG_SERVER_REPLICA_SET';
 */
export const CheckpointPartType = Type.Union(
  [Type.Literal('REPLICA_SET'), Type.Literal('CONFIG_SERVER'), Type.Literal('CONFIG_SERVER_REPLICA_SET')],
  { readOnly: true, description: 'Human-readable label that identifies the type of host that the part represents.' },
);
export type CheckpointPartType = Static<typeof CheckpointPartType>;

/**
 * One node's share of a checkpoint: one per replica set, or one per shard plus the config server.
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
    typeName: Type.Optional(CheckpointPartType),
  },
  { readOnly: true, description: 'Metadata contained in one document that describes the complete snapshot taken for this node.' },
);
export type CheckpointPart = Static<typeof CheckpointPart>;
