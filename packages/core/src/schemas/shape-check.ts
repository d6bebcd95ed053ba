import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { describeExpected } from './describe-expected.js';
import { registerFormats } from './formats.js';
import { compileNullStripper, TOLERATED_NULL, tolerantSchema } from './tolerant-schema.js';

/**
 * A compiled reader for one response shape. `schema` is the shape core returns (the static type);
 * `tolerantSchema` is what it accepts on the wire (`schema` plus `null` in optional fields).
 *
 * @example
 * const page = CheckpointPageCheck.decode(JSON.parse(text), url);
 * CheckpointPageCheck.Check({ results: [] }) // true
 */
export interface ShapeCheck<T extends TSchema> {
  readonly schema: T;
  readonly tolerantSchema: TSchema;
  /** True when {@link ShapeCheck.decode} would accept `value` (it may still hold `null`s to remove). */
  Check(value: unknown): boolean;
  /**
   * Returns `value` typed by `schema`: unknown fields and unknown enum values are kept, `null` in
   * an optional field is deleted (in place: `value` is the object returned), nothing is coerced.
   *
   * @throws {ResponseShapeError} naming the JSON pointer of the first value core cannot read
   * (a wrong type, a missing `results` or `id`) and what was expected there.
   */
  decode(value: unknown, url: string): Static<T>;
}

/**
 * The error to report: a failure inside an optional field surfaces as a failed `T | null` union at
 * the field; the value is not `null` (that would pass), so the real failure is `T`'s own, deeper one.
 */
function readableError(error: ValueError | undefined): ValueError | undefined {
  let current = error;
  while (current?.type === ValueErrorType.Union && (current.schema as { [TOLERATED_NULL]?: true })[TOLERATED_NULL] === true) {
    const inner = current.errors[0]?.First();
    if (!inner) break;
    current = inner;
  }
  return current;
}

/**
 * Compiles a {@link ShapeCheck} once (at module scope). Two compiled validators: `schema` itself
 * (the common case, a document without `null`s, costs one check) and its tolerant form (a
 * document with `null`s, or one that fails, costs a second check and then the `null` removal).
 *
 * @example
 * export const CheckpointCheck = compileShapeCheck(Checkpoint);
 */
export function compileShapeCheck<T extends TSchema>(schema: T): ShapeCheck<T> {
  // The compiled checks look formats (`date-time`, …) up in TypeBox's global registry when they
  // run: registering here, where every reader is made, ties the registration to what needs it.
  registerFormats();
  const exact = TypeCompiler.Compile(schema);
  const tolerant = tolerantSchema(schema);
  const wire = TypeCompiler.Compile(tolerant);
  const strip = compileNullStripper(schema);
  return {
    schema,
    tolerantSchema: tolerant,
    Check: (value) => exact.Check(value) || wire.Check(value),
    decode(value, url) {
      if (exact.Check(value)) return value;
      if (wire.Check(value)) {
        strip?.(value);
        return value;
      }
      const first = readableError(wire.Errors(value).First());
      throw new ResponseShapeError({
        path: first?.path ?? '',
        expected: first ? describeExpected(first) : 'a value matching the schema',
        url,
      });
    },
  };
}

const readers = new WeakMap<TSchema, ShapeCheck<TSchema>>();

/**
 * The {@link ShapeCheck} of a response schema, compiled on first use and kept for the process:
 * how the client reads the body of each version of each operation in the table.
 *
 * @example
 * readerFor(CheckpointPage).decode(body, url)
 */
export function readerFor<T extends TSchema>(schema: T): ShapeCheck<T> {
  let reader = readers.get(schema);
  if (!reader) {
    reader = compileShapeCheck(schema);
    readers.set(schema, reader);
  }
  return reader as ShapeCheck<T>;
}
