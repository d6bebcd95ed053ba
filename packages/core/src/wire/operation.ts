import type { TSchema } from '@sinclair/typebox';
import { isApiVersionDate, type ApiVersion } from './api-version.js';

/**
 * What a query parameter does: `render` changes only how the body is written (`pretty`,
 * `envelope`), `page` selects a page of a list (`pageNum`, `itemsPerPage`, `includeCount`),
 * `filter` changes which documents Atlas returns (`includeDeletedWithRetainedBackups`). A server
 * that caches keys by `filter` (and by `page` when it stores pages) and renders `render` itself.
 */
export type ParameterRole = 'render' | 'page' | 'filter';

/**
 * One query parameter of an operation: its wire name, its TypeBox schema (type, bounds, pattern,
 * default, as in the spec), its role, and the Atlas `errorCode` a bad value gets.
 *
 * @example
 * const pretty: QueryParameter<'pretty'> = { name: 'pretty', schema: Type.Boolean({ default: false }), role: 'render', errorCode: 'VALIDATION_ERROR' };
 */
export interface QueryParameter<N extends string = string, S extends TSchema = TSchema, R extends ParameterRole = ParameterRole> {
  readonly name: N;
  readonly schema: S;
  readonly role: R;
  readonly errorCode: string;
}

/**
 * One API version of an operation: its date, the schema of its 200 body, the name of that schema
 * in the official spec (`components.schemas`), and its `x-sunset` date when the spec gives one.
 *
 * @example
 * const v: OperationVersion = { version: '2024-08-05', schema: ClusterDescription20240805Page, component: 'PaginatedClusterDescription20240805' };
 */
export interface OperationVersion<V extends ApiVersion = ApiVersion, S extends TSchema = TSchema> {
  readonly version: V;
  readonly schema: S;
  readonly component: string;
  readonly sunset?: ApiVersion | undefined;
}

/**
 * One Atlas operation, named once: the spec's `operationId`, core's method name, the path
 * template, its path parameters (each with its schema), its query parameters, whether it returns
 * a list or one resource, the spec's `deprecated`, and its API versions, oldest first.
 *
 * @example
 * OPERATIONS.listGroupClusters.versions.map((v) => v.version) // ['2023-01-01', '2023-02-01', '2024-08-05']
 */
export interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly summary: string;
  readonly path: string;
  readonly pathParameters: Readonly<Record<string, TSchema>>;
  readonly query: readonly QueryParameter[];
  readonly shape: 'list' | 'resource';
  readonly deprecated: boolean;
  readonly versions: readonly [OperationVersion, ...OperationVersion[]];
  /**
   * For operations whose documents may change while a client watches (restore jobs): true for a
   * document (or list item) that may still change. Servers cache such bodies briefly and a fake
   * renders them afresh. Absent: the documents change only when someone changes them.
   */
  readonly mayChange?: ((item: unknown) => boolean) | undefined;
}

const PATH_NAME = /\{([^}]+)\}/g;

/**
 * The names of the `{…}` parameters of a path template, in order.
 *
 * @example
 * pathParameterNames('/api/atlas/v2/groups/{groupId}/clusters') // ['groupId']
 */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(PATH_NAME)].map((match) => match[1] ?? '');
}

/**
 * Returns `operation` as is, after checking what the type system cannot: every `{name}` of the
 * path has a schema and nothing else does, versions are dates in ascending order, and query
 * parameter names are unique. Throws `TypeError` on a malformed entry (at module load).
 *
 * @example
 * export const listGroups = defineOperation({ operationId: 'listGroups', method: 'listProjects', … });
 */
export function defineOperation<const O extends Operation>(operation: O): O {
  const where = `operation ${operation.operationId}`;
  const names = pathParameterNames(operation.path);
  const declared = Object.keys(operation.pathParameters);
  if (names.length !== declared.length || names.some((name) => !declared.includes(name))) {
    throw new TypeError(`${where}: path parameters [${declared.join(', ')}] do not match ${operation.path}`);
  }
  const versions = operation.versions.map((entry) => entry.version);
  if (versions.some((version, i) => !isApiVersionDate(version) || (i > 0 && version <= (versions[i - 1] as string)))) {
    throw new TypeError(`${where}: versions must be ascending dates, got ${versions.join(', ')}`);
  }
  const query = operation.query.map((parameter) => parameter.name);
  if (new Set(query).size !== query.length) throw new TypeError(`${where}: repeated query parameter`);
  return operation;
}
