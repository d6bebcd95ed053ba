import { KindGuard, Type, type TSchema } from '@sinclair/typebox';

/**
 * Marks a union that {@link tolerantSchema} built to let an optional field be `null`, so error
 * descriptions can name what the field holds rather than "… or null". A symbol: invisible to
 * JSON Schema tools (Ajv, `JSON.stringify`).
 */
export const TOLERATED_NULL: unique symbol = Symbol.for('@atlas-checkpoints/core.toleratedNull');

const STRUCTURE = new Set(['type', 'properties', 'required', 'items', 'anyOf']);

/** The schema's annotations and constraints, without the keywords that give its structure. */
function annotations(schema: TSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) if (!STRUCTURE.has(key)) out[key] = value;
  return out;
}

function acceptsNull(schema: TSchema): boolean {
  return KindGuard.IsNull(schema) || (KindGuard.IsUnion(schema) && schema.anyOf.some(acceptsNull));
}

/**
 * The JSON Schema core validates a response against: `schema` with `null` allowed in every
 * optional property, at every depth (Atlas sends `"shardName": null` where the spec says the field
 * is optional, not nullable; core reads it as absent). Required properties (`results`, an item's
 * `id`) stay non-null. Everything else (types, open enums, unknown fields allowed) is unchanged.
 * Standard JSON Schema: give it to Ajv to validate exactly what core accepts.
 *
 * @example
 * const ajvCheck = new Ajv().compile(tolerantSchema(CheckpointPage));
 * ajvCheck({ results: [{ id: '5f4007f327a3bd7b6f4103c5', parts: [{ shardName: null }] }] }) // true
 */
export function tolerantSchema(schema: TSchema): TSchema {
  if (KindGuard.IsObject(schema)) {
    const required = new Set(schema.required ?? []);
    const properties: Record<string, TSchema> = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const inner = tolerantSchema(property);
      properties[name] = required.has(name)
        ? inner
        : Type.Optional(acceptsNull(inner) ? inner : Type.Union([inner, Type.Null()], { [TOLERATED_NULL]: true }));
    }
    return Type.Object(properties, annotations(schema));
  }
  if (KindGuard.IsArray(schema)) return Type.Array(tolerantSchema(schema.items), annotations(schema));
  if (KindGuard.IsUnion(schema)) return Type.Union(schema.anyOf.map(tolerantSchema), annotations(schema));
  return schema;
}

/** Removes, in place, the `null`s {@link tolerantSchema} tolerated; `value` has already been checked against it. */
export type NullStripper = (value: unknown) => void;

/**
 * Compiles the function that deletes every `null` an optional property holds (but where the
 * schema itself allows `null`: the spec's `nullable` fields keep it), following the
 * schema's structure only (unknown fields are kept as they came, `null` included). `undefined`
 * when the schema has no object at any depth.
 *
 * @example
 * const strip = compileNullStripper(Checkpoint);
 * strip?.(body); // body.parts[0].shardName === null → deleted
 */
export function compileNullStripper(schema: TSchema): NullStripper | undefined {
  if (KindGuard.IsObject(schema)) {
    const required = new Set(schema.required ?? []);
    const optional: string[] = [];
    const children: Array<[string, NullStripper]> = [];
    for (const [name, property] of Object.entries(schema.properties)) {
      // A property the spec itself makes nullable (`LegacySnapshot.clusterName`) keeps its `null`: it is a value there.
      if (!required.has(name) && !acceptsNull(property)) optional.push(name);
      const child = compileNullStripper(property);
      if (child) children.push([name, child]);
    }
    return (value) => {
      if (typeof value !== 'object' || value === null) return;
      const record = value as Record<string, unknown>;
      for (const name of optional) if (record[name] === null) delete record[name];
      for (const [name, child] of children) {
        const field = record[name];
        if (field !== undefined && field !== null) child(field);
      }
    };
  }
  if (KindGuard.IsArray(schema)) {
    const item = compileNullStripper(schema.items);
    if (!item) return undefined;
    return (value) => {
      if (Array.isArray(value)) for (const element of value) item(element);
    };
  }
  if (KindGuard.IsUnion(schema)) {
    const variants = schema.anyOf.map(compileNullStripper).filter((strip) => strip !== undefined);
    if (variants.length === 0) return undefined;
    return (value) => {
      for (const strip of variants) strip(value);
    };
  }
  return undefined;
}
