import { Type, type SchemaOptions, type TUnsafe } from '@sinclair/typebox';

/**
 * An open enum: one of the `Known` values the spec lists, or any other string a newer Atlas may
 * send. `string & {}` keeps the known literals visible to autocompletion while accepting the rest.
 *
 * @example
 * const kind: OpenEnum<'REPLICA_SET' | 'CONFIG_SERVER'> = 'SOMETHING_NEWER'; // compiles
 */
export type OpenEnum<Known extends string> = Known | (string & {});

/**
 * The schema of an open enum: standard JSON Schema `anyOf` of the known values' `const`s plus
 * `{ type: 'string' }`, so any string validates (a value Atlas added after this client was built
 * is kept, never a `ResponseShapeError`) while tools still see the known values. Its static type
 * is {@link OpenEnum}. Source of the habit: open enums in SDKs generated for evolving APIs.
 *
 * @example
 * const StateName = openEnum(['IDLE', 'CREATING'] as const, { description: 'State of the cluster.' });
 * type StateName = Static<typeof StateName>; // 'IDLE' | 'CREATING' | (string & {})
 */
export function openEnum<const Known extends readonly [string, ...string[]]>(
  known: Known,
  options: SchemaOptions = {},
): TUnsafe<OpenEnum<Known[number]>> {
  return Type.Unsafe<OpenEnum<Known[number]>>(Type.Union([...known.map((value) => Type.Literal(value)), Type.String()], options));
}

/**
 * A guard that tells a known value of an open enum from one this client does not know.
 *
 * @example
 * const isKnownStateName = knownValueGuard(['IDLE', 'CREATING'] as const);
 * isKnownStateName('IDLE') // true
 * isKnownStateName('HIBERNATING') // false
 */
export function knownValueGuard<const Known extends readonly string[]>(known: Known): (value: unknown) => value is Known[number] {
  const set: ReadonlySet<unknown> = new Set<unknown>(known);
  return (value: unknown): value is Known[number] => set.has(value);
}

/**
 * The schema of an open integer enum (the spec's `enum` of `int32` values, e.g. a checkpoint
 * interval of 15, 30 or 60 minutes): `anyOf` of `{ type: 'integer', const }` per known value plus
 * `{ type: 'integer' }`, so any integer validates while tools still see the known values.
 *
 * @example
 * const Interval = openIntegerEnum([15, 30, 60] as const, { format: 'int32' });
 */
export function openIntegerEnum<const Known extends readonly [number, ...number[]]>(
  known: Known,
  options: SchemaOptions = {},
): TUnsafe<number> {
  return Type.Unsafe<number>(Type.Union([...known.map((value) => Type.Integer({ const: value })), Type.Integer()], options));
}
