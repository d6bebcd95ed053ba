import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { registerFormats } from '../schemas/formats.js';

registerFormats();
const checks = new WeakMap<TSchema, TypeCheck<TSchema>>();

/**
 * The compiled validator of a schema, compiled on first use and kept for the process.
 *
 * @example
 * compiledCheck(OPERATIONS.listGroups.versions[0].schema).Check(body)
 */
export function compiledCheck<T extends TSchema>(schema: T): TypeCheck<T> {
  let check = checks.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    checks.set(schema, check);
  }
  return check as TypeCheck<T>;
}
