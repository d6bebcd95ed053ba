import type { Operation, ParameterRole, QueryParameter } from './operation.js';
import { compiledCheck } from './compiled-check.js';
import { QUERY_PARAMETERS } from './query-parameters.js';
import { wireErrors } from './wire-errors.js';

/** A query parameter's value once parsed. */
export type QueryValue = boolean | number | string;

/**
 * An operation's query, parsed and validated: every parameter the operation declares, with its
 * default when the request did not give it (or gave it empty). Unknown parameters are not kept.
 */
export interface WireQuery {
  readonly values: Readonly<Record<string, QueryValue | undefined>>;
}

const BOOLEAN = /^(?:true|false)$/i;
const INTEGER = /^[+-]?\d+$/;

function parseValue(parameter: QueryParameter, raw: string): QueryValue {
  const type = (parameter.schema as { type?: string }).type;
  let value: QueryValue = raw;
  if (type === 'boolean') {
    if (!BOOLEAN.test(raw)) throw wireErrors.invalidQueryParameter(parameter, raw);
    value = raw.toLowerCase() === 'true';
  } else if (type === 'integer' || type === 'number') {
    value = INTEGER.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value)) throw wireErrors.invalidQueryParameter(parameter, raw);
  }
  if (!compiledCheck(parameter.schema).Check(value)) throw wireErrors.invalidQueryParameter(parameter, raw);
  return value;
}

/**
 * Parses an operation's query string the way Atlas reads it, throwing the 400 `WireError` Atlas
 * answers. The rules (core's README has them as a table):
 * - booleans are `true` or `false` in any letter case (Java's `Boolean.parseBoolean`);
 * - integers are decimal, an optional sign and leading zeros allowed (Java's `Integer.parseInt`),
 *   then checked against the schema's bounds;
 * - strings are checked against the schema (pattern, enum);
 * - an empty value (`pretty=`) reads as absent; a repeated parameter takes its first value (JAX-RS
 *   `@QueryParam`); parameters the operation does not declare are ignored.
 *
 * @example
 * parseQuery(OPERATIONS.listGroups, 'pageNum=2&pretty=TRUE').values // { pageNum: 2, itemsPerPage: 100, includeCount: true, envelope: false, pretty: true }
 */
export function parseQuery(operation: Pick<Operation, 'query'>, search: string | URLSearchParams): WireQuery {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values: Record<string, QueryValue | undefined> = {};
  for (const parameter of operation.query) {
    const raw = params.get(parameter.name);
    values[parameter.name] =
      raw === null || raw === '' ? (parameter.schema.default as QueryValue | undefined) : parseValue(parameter, raw);
  }
  return { values };
}

/**
 * The parameters of `roles` whose value differs from the default, in table order, as
 * `[name, text]` pairs: the normalised form of a query (what links carry and caches key by).
 *
 * @example
 * canonicalQuery(OPERATIONS.listGroups, parseQuery(OPERATIONS.listGroups, 'includeCount=FALSE&x=1'), ['page']) // [['includeCount', 'false']]
 */
export function canonicalQuery(
  operation: Pick<Operation, 'query'>,
  query: WireQuery,
  roles: readonly ParameterRole[],
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const parameter of operation.query) {
    if (!roles.includes(parameter.role)) continue;
    const value = query.values[parameter.name];
    if (value !== undefined && value !== parameter.schema.default) out.push([parameter.name, String(value)]);
  }
  return out;
}

/** How a success body is written. */
export interface RenderFlags {
  readonly pretty: boolean;
  readonly envelope: boolean;
}

/**
 * The `pretty` and `envelope` flags of a parsed query (false when the operation has none).
 *
 * @example
 * renderFlags(query) // { pretty: true, envelope: false }
 */
export function renderFlags(query: WireQuery): RenderFlags {
  return { pretty: query.values.pretty === true, envelope: query.values.envelope === true };
}

/** The page a list request asks for. */
export interface PageSelection {
  readonly pageNum: number;
  readonly itemsPerPage: number;
  readonly includeCount: boolean;
  /** The operation takes `itemsPerPage`: a list without it (e.g. the sharded-cluster snapshots) is served whole. */
  readonly paged: boolean;
}

/**
 * The page a parsed list query selects (Atlas's defaults where absent: 1, 100, true).
 *
 * @example
 * pageSelection(parseQuery(OPERATIONS.listGroups, 'pageNum=3')) // { pageNum: 3, itemsPerPage: 100, includeCount: true, paged: true }
 */
export function pageSelection(query: WireQuery): PageSelection {
  const { pageNum, itemsPerPage, includeCount } = query.values;
  return {
    pageNum: typeof pageNum === 'number' ? pageNum : (QUERY_PARAMETERS.pageNum.schema.default as number),
    itemsPerPage: typeof itemsPerPage === 'number' ? itemsPerPage : (QUERY_PARAMETERS.itemsPerPage.schema.default as number),
    includeCount: typeof includeCount === 'boolean' ? includeCount : (QUERY_PARAMETERS.includeCount.schema.default as boolean),
    paged: 'itemsPerPage' in query.values,
  };
}
