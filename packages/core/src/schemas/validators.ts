import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ResponseShapeError } from '../errors/index.js';
import { ApiError } from './api-error.js';
import { Checkpoint } from './checkpoint.js';
import { describeExpected } from './describe-expected.js';
import { registerFormats } from './formats.js';
import { CheckpointPage, ClusterPage, GroupPage } from './pages.js';
import { CheckpointId, ClusterName, GroupId, ListQuery } from './params.js';

// The checks below look formats up in TypeBox's global FormatRegistry when they run. Registering
// here, the one call site, ties it to the exports that need it: a bundler that keeps any check keeps
// this module whole, and one that drops the module (`sideEffects: false`) drops the need too.
registerFormats();

/**
 * Compiled validator for one {@link Checkpoint}.
 *
 * @example
 * CheckpointCheck.Check(value) // true when value is a valid Checkpoint
 */
export const CheckpointCheck = TypeCompiler.Compile(Checkpoint);
/**
 * Compiled validator for a {@link CheckpointPage}.
 *
 * @example
 * CheckpointPageCheck.Check(value) // true when value is a valid CheckpointPage
 */
export const CheckpointPageCheck = TypeCompiler.Compile(CheckpointPage);
/**
 * Compiled validator for a {@link GroupPage}.
 *
 * @example
 * GroupPageCheck.Check(value) // true when value is a valid GroupPage
 */
export const GroupPageCheck = TypeCompiler.Compile(GroupPage);
/**
 * Compiled validator for a {@link ClusterPage}.
 *
 * @example
 * ClusterPageCheck.Check(value) // true when value is a valid ClusterPage
 */
export const ClusterPageCheck = TypeCompiler.Compile(ClusterPage);
/**
 * Compiled validator for an {@link ApiError} body.
 *
 * @example
 * ApiErrorCheck.Check(value) // true when value is a valid ApiError
 */
export const ApiErrorCheck = TypeCompiler.Compile(ApiError);
/**
 * Compiled validator for a {@link GroupId}.
 *
 * @example
 * GroupIdCheck.Check(value) // true when value is a valid GroupId
 */
export const GroupIdCheck = TypeCompiler.Compile(GroupId);
/**
 * Compiled validator for a {@link ClusterName}.
 *
 * @example
 * ClusterNameCheck.Check(value) // true when value is a valid ClusterName
 */
export const ClusterNameCheck = TypeCompiler.Compile(ClusterName);
/**
 * Compiled validator for a {@link CheckpointId}.
 *
 * @example
 * CheckpointIdCheck.Check(value) // true when value is a valid CheckpointId
 */
export const CheckpointIdCheck = TypeCompiler.Compile(CheckpointId);
/**
 * Compiled validator for a {@link ListQuery}.
 *
 * @example
 * ListQueryCheck.Check(value) // true when value is a valid ListQuery
 */
export const ListQueryCheck = TypeCompiler.Compile(ListQuery);

/**
 * Returns `value` typed by `check`'s schema, or throws a `ResponseShapeError` whose `path` is the
 * JSON pointer of the first failure and `expected` describes what the schema wanted there.
 * The value is returned as is: unknown fields are kept, nothing is stripped or coerced.
 *
 * @example
 * const page = assertShape(CheckpointPageCheck, await response.json(), response.url);
 * page.results[0]?.id;
 */
export function assertShape<T extends TSchema>(check: TypeCheck<T>, value: unknown, url: string): Static<T> {
  if (check.Check(value)) return value;
  const first = check.Errors(value).First();
  throw new ResponseShapeError({
    path: first?.path ?? '',
    expected: first ? describeExpected(first) : 'a value matching the schema',
    url,
  });
}
