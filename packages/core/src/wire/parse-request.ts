import type { ApiVersion } from './api-version.js';
import { compiledCheck } from './compiled-check.js';
import { negotiateVersion } from './negotiate-version.js';
import type { Operation } from './operation.js';
import { canonicalQuery, parseQuery, type WireQuery } from './parse-query.js';
import { wireErrors } from './wire-errors.js';

/** A request to an operation, validated: its path values, query, and the version to serve. */
export interface WireRequest {
  readonly operation: Operation;
  readonly pathValues: Readonly<Record<string, string>>;
  readonly query: WireQuery;
  readonly version: ApiVersion;
}

/** What {@link parseRequest} reads from a request. */
export interface RequestParts {
  /** Path parameter values (percent-decoded), by name. */
  readonly pathValues: Readonly<Record<string, string | undefined>>;
  /** The query string, without `?`, or parsed. */
  readonly search: string | URLSearchParams;
  /** The `Accept` header. */
  readonly accept: string | undefined;
}

/**
 * Checks each path parameter against its schema, throwing 400 `INVALID_ATTRIBUTE` for the first
 * that does not match.
 *
 * @example
 * checkPathValues(OPERATIONS.listGroupClusters, { groupId: 'nope' }) // throws INVALID_ATTRIBUTE groupId
 */
export function checkPathValues(
  operation: Pick<Operation, 'pathParameters'>,
  values: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(operation.pathParameters)) {
    const value = values[name];
    if (value === undefined || !compiledCheck(schema).Check(value)) throw wireErrors.invalidAttribute(name);
    out[name] = value;
  }
  return out;
}

/**
 * Validates a request to `operation` in Atlas's order, throwing the first `WireError`: the
 * `Accept` header (406), then the path parameters (400 `INVALID_ATTRIBUTE`), then the query (400).
 * The one entry point both servers use, so they refuse the same requests with the same answers.
 * The outcome is memoised per operation for the exact header, query string and path values (the
 * 4096 most recent), so a repeated request costs one map lookup; the result is read-only.
 *
 * @example
 * const request = parseRequest(OPERATIONS.listGroups, { pathValues: {}, search: 'pretty=true', accept });
 * request.version // '2023-01-01'
 */
export function parseRequest(operation: Operation, parts: RequestParts): WireRequest {
  if (typeof parts.search !== 'string') return parse(operation, parts);
  let cache = memo.get(operation);
  if (!cache) {
    cache = new Map();
    memo.set(operation, cache);
  }
  const names = Object.keys(operation.pathParameters);
  const key = `${parts.accept ?? ''}\u0000${parts.search}\u0000${names.map((name) => parts.pathValues[name] ?? '').join('\u0000')}`;
  let outcome = cache.get(key);
  if (outcome === undefined) {
    try {
      outcome = parse(operation, parts);
    } catch (error) {
      outcome = error as Error;
    }
    if (cache.size >= MEMO_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, outcome);
  }
  if (outcome instanceof Error) throw outcome;
  return outcome;
}

function parse(operation: Operation, parts: RequestParts): WireRequest {
  const version = negotiateVersion(operation, parts.accept);
  const pathValues = checkPathValues(operation, parts.pathValues);
  const query = parseQuery(operation, parts.search);
  return { operation, pathValues, query, version };
}

/** Requests seen recently, by operation: a repeated request (a hit) is parsed once. */
const memo = new WeakMap<Operation, Map<string, WireRequest | Error>>();
const MEMO_LIMIT = 4096;
const keys = new WeakMap<WireRequest, Map<string, string>>();
const ALL_ROLES = ['render', 'page', 'filter'] as const;

/**
 * A string that identifies a validated request's answer: the operation, the version, the path
 * values and the normalised query (parameters of `roles` that differ from their default). Two
 * requests with the same key get the same body, however their query was spelled.
 *
 * @example
 * requestKey(parseRequest(op, { pathValues, search: 'pretty=TRUE&x=1', accept })) === requestKey(parseRequest(op, { pathValues, search: 'pretty=true', accept })) // true
 */
export function requestKey(request: WireRequest, roles: Parameters<typeof canonicalQuery>[2] = ALL_ROLES): string {
  let byRoles = keys.get(request);
  if (!byRoles) {
    byRoles = new Map();
    keys.set(request, byRoles);
  }
  const rolesKey = roles === ALL_ROLES ? '*' : roles.length === 1 ? (roles[0] as string) : roles.join(',');
  let key = byRoles.get(rolesKey);
  if (key === undefined) {
    const path = Object.values(request.pathValues).map(encodeURIComponent).join('/');
    const query = new URLSearchParams(canonicalQuery(request.operation, request.query, roles)).toString();
    key = `${request.operation.operationId} ${request.version} ${path} ${query}`;
    byRoles.set(rolesKey, key);
  }
  return key;
}
