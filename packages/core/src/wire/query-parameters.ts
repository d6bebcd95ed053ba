import {
  BatchId,
  Completed,
  Envelope,
  Int64Filter,
  IncludeCount,
  IncludeDeletedWithRetainedBackups,
  ItemsPerPage,
  PageNum,
  Pretty,
} from '../schemas/params.js';
import type { ParameterRole, QueryParameter } from './operation.js';

const parameter = <const N extends string, S extends QueryParameter['schema'], const R extends ParameterRole>(
  name: N,
  schema: S,
  role: R,
  errorCode = 'VALIDATION_ERROR',
): QueryParameter<N, S, R> => ({ name, schema, role, errorCode });

/**
 * The query parameters of the spec's `components.parameters`, shared by operations, and the
 * route-specific ones, each defined once. `itemsPerPage` answers a bad value with
 * `INVALID_ITEMS_PER_PAGE`, every other parameter with `VALIDATION_ERROR` (see core's README).
 *
 * @example
 * QUERY_PARAMETERS.itemsPerPage.schema.maximum // 500
 */
export const QUERY_PARAMETERS = {
  pageNum: parameter('pageNum', PageNum, 'page'),
  itemsPerPage: parameter('itemsPerPage', ItemsPerPage, 'page', 'INVALID_ITEMS_PER_PAGE'),
  includeCount: parameter('includeCount', IncludeCount, 'page'),
  envelope: parameter('envelope', Envelope, 'render'),
  pretty: parameter('pretty', Pretty, 'render'),
  includeDeletedWithRetainedBackups: parameter('includeDeletedWithRetainedBackups', IncludeDeletedWithRetainedBackups, 'filter'),
  pointInTimeUtcSeconds: parameter('pointInTimeUtcSeconds', Int64Filter, 'filter'),
  oplogTs: parameter('oplogTs', Int64Filter, 'filter'),
  oplogInc: parameter('oplogInc', Int64Filter, 'filter'),
  batchId: parameter('batchId', BatchId, 'filter'),
  completed: parameter('completed', Completed, 'filter'),
} as const;

/** The parameters every single-resource operation takes. */
export const RESOURCE_QUERY = [QUERY_PARAMETERS.envelope, QUERY_PARAMETERS.pretty] as const;

/** The parameters every list operation takes (paging first: the order the client sends them in). */
export const LIST_QUERY = [
  QUERY_PARAMETERS.pageNum,
  QUERY_PARAMETERS.itemsPerPage,
  QUERY_PARAMETERS.includeCount,
  ...RESOURCE_QUERY,
] as const;
