import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { Static, TSchema } from '@sinclair/typebox';
import { ApiError } from './api-error.js';
import { Checkpoint } from './checkpoint.js';
import { CheckpointPage, ClusterPage, GroupPage } from './pages.js';
import { CheckpointId, ClusterName, GroupId, ListQuery } from './params.js';
import { readerFor, type ShapeCheck } from './shape-check.js';

// The readers below look formats up in TypeBox's global FormatRegistry when they run;
// compileShapeCheck registers them when each reader is compiled, here at import. They are the
// readers the client's operation table uses too (`readerFor` keeps one per schema).

/**
 * Reader for one {@link Checkpoint} (a `getClusterBackupCheckpoint` body).
 *
 * @example
 * const checkpoint = CheckpointCheck.decode(body, url);
 */
export const CheckpointCheck = readerFor(Checkpoint);
/**
 * Reader for a {@link CheckpointPage}.
 *
 * @example
 * const page = CheckpointPageCheck.decode(body, url);
 */
export const CheckpointPageCheck = readerFor(CheckpointPage);
/**
 * Reader for a {@link GroupPage}.
 *
 * @example
 * const page = GroupPageCheck.decode(body, url);
 */
export const GroupPageCheck = readerFor(GroupPage);
/**
 * Reader for a {@link ClusterPage}.
 *
 * @example
 * const page = ClusterPageCheck.decode(body, url);
 */
export const ClusterPageCheck = readerFor(ClusterPage);
/**
 * Reader for an {@link ApiError} body.
 *
 * @example
 * const error = ApiErrorCheck.Check(body) ? ApiErrorCheck.decode(body, url) : undefined;
 */
export const ApiErrorCheck = readerFor(ApiError);
/**
 * Compiled validator for a {@link GroupId} (a request parameter: checked strictly).
 *
 * @example
 * GroupIdCheck.Check(value) // true when value is a valid GroupId
 */
export const GroupIdCheck = TypeCompiler.Compile(GroupId);
/**
 * Compiled validator for a {@link ClusterName} (a request parameter: checked strictly).
 *
 * @example
 * ClusterNameCheck.Check(value) // true when value is a valid ClusterName
 */
export const ClusterNameCheck = TypeCompiler.Compile(ClusterName);
/**
 * Compiled validator for a {@link CheckpointId} (a request parameter: checked strictly).
 *
 * @example
 * CheckpointIdCheck.Check(value) // true when value is a valid CheckpointId
 */
export const CheckpointIdCheck = TypeCompiler.Compile(CheckpointId);
/**
 * Compiled validator for a {@link ListQuery} (request parameters: checked strictly).
 *
 * @example
 * ListQueryCheck.Check(value) // true when value is a valid ListQuery
 */
export const ListQueryCheck = TypeCompiler.Compile(ListQuery);

/**
 * Reads a response body with `check`: returns it typed, unknown fields and unknown enum values
 * kept, `null` in optional fields deleted (in place), or throws a `ResponseShapeError` whose
 * `path` is the JSON pointer of the first value core cannot read and `expected` what it wanted.
 * The same as `check.decode(value, url)`.
 *
 * @throws {ResponseShapeError} when a required value (`results`, an item's `id`) is missing or a
 * known field has the wrong JSON type.
 * @example
 * const page = assertShape(CheckpointPageCheck, await response.json(), response.url);
 * page.results[0]?.id;
 */
export function assertShape<T extends TSchema>(check: ShapeCheck<T>, value: unknown, url: string): Static<T> {
  return check.decode(value, url);
}
