import { Type, type Static } from '@sinclair/typebox';
import { CheckpointPart } from './checkpoint-part.js';
import { Links } from './link.js';
import { objectId } from './object-id.js';

const dateTime = (description: string) => Type.String({ format: 'date-time', readOnly: true, description });

/**
 * A legacy backup checkpoint (`ApiAtlasCheckpointView`) as core reads it. Unknown fields are
 * tolerated and kept; `parts[].typeName` is an open enum; `null` in any field but `id` reads as absent.
 *
 * Deviation from the spec: `id` is optional there; core needs it (de-duplication, the path of
 * `getClusterBackupCheckpoint`), so a checkpoint without one is a `ResponseShapeError`.
 *
 * @example
 * const checkpoint = assertShape(CheckpointCheck, await response.json(), url);
 * checkpoint.parts?.map((part) => part.typeName);
 */
export const Checkpoint = Type.Object({
  clusterId: Type.Optional(objectId({ readOnly: true, description: 'Cluster that contains the checkpoint.' })),
  completed: Type.Optional(dateTime('Date and time when the checkpoint completed and the balancer restarted (ISO 8601, UTC).')),
  groupId: Type.Optional(objectId({ readOnly: true, description: 'Project that owns the checkpoints.' })),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies checkpoint.' }),
  links: Type.Optional(Links),
  parts: Type.Optional(
    Type.Array(CheckpointPart, {
      readOnly: true,
      description: 'One part per shard plus one for the config server (legacy checkpoints exist for sharded clusters).',
    }),
  ),
  restorable: Type.Optional(
    Type.Boolean({ readOnly: true, description: 'Whether MongoDB Cloud can use the checkpoint for a restore.' }),
  ),
  started: Type.Optional(dateTime('Date and time when the balancer stopped and began the checkpoint (ISO 8601, UTC).')),
  timestamp: Type.Optional(dateTime('Date and time to which the checkpoint restores (ISO 8601, UTC).')),
});
export type Checkpoint = Static<typeof Checkpoint>;
