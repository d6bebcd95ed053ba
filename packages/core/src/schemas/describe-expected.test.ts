import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { describeSchema } from './describe-expected.js';
import { CheckpointPartTypeName } from './checkpoint-part.js';
import { ItemsPerPage, PageNum } from './params.js';
import { TOLERATED_NULL } from './tolerant-schema.js';

describe('describeSchema', () => {
  it.each([
    [CheckpointPartTypeName, 'string (known values: REPLICA_SET | CONFIG_SERVER | CONFIG_SERVER_REPLICA_SET)'],
    [Type.Union([Type.Literal('A'), Type.Literal('B')]), 'one of A | B'],
    [Type.Union([Type.Boolean(), Type.Null()], { [TOLERATED_NULL]: true }), 'boolean'],
    [ItemsPerPage, 'integer in 1..500'],
    [PageNum, 'integer >= 1'],
    [Type.Number({ maximum: 4 }), 'number <= 4'],
    [Type.String({ format: 'date-time' }), 'string in date-time format'],
    [Type.String({ minLength: 1 }), 'string of length >= 1'],
    [Type.Union([Type.String(), Type.Null()]), 'string or null'],
    [Type.Literal(3), '3'],
    [Type.Array(Type.String()), 'array'],
    [Type.Unknown(), 'any value'],
  ])('%#: %s', (schema, expected) => {
    expect(describeSchema(schema)).toBe(expected);
  });
});
