import { Type, type Static } from '@sinclair/typebox';

/**
 * BSON timestamp of the checkpoint token entry in the oplog.
 *
 * Deviation from the spec: the spec gives `increment` a `minimum` of 1199145600 (a copy of a
 * seconds-since-epoch bound), but an increment is the per-second ordinal of the oplog entry, and
 * real documents carry small values such as 1, 2 or 4. We accept real data: `minimum: 0`.
 *
 * @example
 * const ts: BsonTimestamp = { date: '2024-05-04T09:42:00Z', increment: 1 };
 */
export const BsonTimestamp = Type.Object(
  {
    date: Type.Optional(
      Type.String({
        format: 'date-time',
        readOnly: true,
        description: 'Date and time when the oplog recorded this database operation (ISO 8601, UTC).',
      }),
    ),
    increment: Type.Optional(
      Type.Integer({
        format: 'int32',
        minimum: 0,
        readOnly: true,
        description: 'Order of the database operation that the oplog recorded at specific date and time.',
      }),
    ),
  },
  {
    title: 'BSON Timestamp',
    readOnly: true,
    description: 'BSON timestamp that indicates when the checkpoint token entry in the oplog occurred.',
  },
);
export type BsonTimestamp = Static<typeof BsonTimestamp>;
