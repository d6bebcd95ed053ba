import type { TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { TOLERATED_NULL } from './tolerant-schema.js';

type JsonSchema = TSchema & {
  [TOLERATED_NULL]?: true;
  type?: string;
  anyOf?: JsonSchema[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
};

function range(low: number | undefined, high: number | undefined): string {
  if (low !== undefined && high !== undefined) return ` in ${low}..${high}`;
  if (low !== undefined) return ` >= ${low}`;
  if (high !== undefined) return ` <= ${high}`;
  return '';
}

function describeString(schema: JsonSchema): string {
  if (schema.pattern !== undefined) return `string matching ${schema.pattern}`;
  if (schema.format !== undefined) return `string in ${schema.format} format`;
  const length = range(schema.minLength, schema.maxLength);
  return length ? `string of length${length}` : 'string';
}

/**
 * A readable description of what `schema` accepts, e.g. `string matching ^([a-f0-9]{24})$`,
 * `one of REPLICA_SET | CONFIG_SERVER`, `string (known values: IDLE | CREATING)` for an open enum,
 * `integer in 1..500` or `string or null`. The `null` core tolerates in an optional field is not
 * named: the field's own type is.
 *
 * @example
 * describeSchema(ItemsPerPage) // 'integer in 1..500'
 */
export function describeSchema(schema: TSchema): string {
  const s = schema as JsonSchema;
  if (s.anyOf) {
    const [first] = s.anyOf;
    if (s[TOLERATED_NULL] === true && first) return describeSchema(first);
    const known = s.anyOf.filter((variant) => variant.const !== undefined).map((variant) => String(variant.const));
    if (known.length > 0 && known.length === s.anyOf.length) return `one of ${known.join(' | ')}`;
    const open = s.anyOf.length === known.length + 1 && s.anyOf.some((v) => v.type === 'string' && v.const === undefined);
    if (known.length > 0 && open) return `string (known values: ${known.join(' | ')})`;
    return s.anyOf.map(describeSchema).join(' or ');
  }
  if (s.const !== undefined) return JSON.stringify(s.const);
  switch (s.type) {
    case 'string':
      return describeString(s);
    case 'integer':
    case 'number':
      return `${s.type}${range(s.minimum, s.maximum)}`;
    case undefined:
      return 'any value';
    default:
      return s.type;
  }
}

/**
 * What a TypeBox validation error expected, for `ResponseShapeError.expected`.
 *
 * @example
 * describeExpected(CheckpointPageCheck.Errors({}).First()!) // 'array (required property)'
 */
export function describeExpected(error: ValueError): string {
  const description = describeSchema(error.schema);
  return error.type === ValueErrorType.ObjectRequiredProperty ? `${description} (required property)` : description;
}
