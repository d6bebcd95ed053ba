import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import { describeSchema } from '../schemas/describe-expected.js';
import { compiledCheck } from '../wire/compiled-check.js';
import type { Operation } from '../wire/operation.js';
import type { OperationParams } from './operation-types.js';
import type { ResponseInfo } from './options.js';

/**
 * Paging options every list method takes.
 *
 * @example
 * await client.listProjects({ pageNum: 2, itemsPerPage: 500, includeCount: false, signal: AbortSignal.timeout(10_000) });
 */
export type ListOptions = OperationParams<'listGroups'>;
/** Parameters of `listClusters`. */
export type ListClustersParams = OperationParams<'listGroupClusters'>;
/** Parameters of `listClusterBackupCheckpoints`. */
export type ListCheckpointsParams = OperationParams<'listGroupClusterBackupCheckpoints'>;
/** Parameters of `getClusterBackupCheckpoint`. */
export type GetCheckpointParams = OperationParams<'getGroupClusterBackupCheckpoint'>;

/** What one call carries besides its parameters: its abort signal and its response observer. */
export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onResponse?: ((info: ResponseInfo) => void) | undefined;
}

/** Checks that `params` is an object (or absent where allowed), its `signal` an AbortSignal and its `onResponse` a function. */
export function checkParamsObject(params: unknown, optional: boolean): Record<string, unknown> {
  if (params === undefined && optional) return {};
  if (params === null || typeof params !== 'object') throw new InvalidParameterError('params', params, 'an object');
  const { signal, onResponse } = params as { signal?: unknown; onResponse?: unknown };
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw new InvalidParameterError('signal', typeof signal, 'an AbortSignal');
  if (onResponse !== undefined && typeof onResponse !== 'function')
    throw new InvalidParameterError('onResponse', typeof onResponse, 'a function');
  return params as Record<string, unknown>;
}

/** Checks an operation's path parameters against their schemas and returns them. */
export function checkPathParams(
  operation: Pick<Operation, 'pathParameters'>,
  params: Record<string, unknown>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, schema] of Object.entries(operation.pathParameters)) {
    const value = params[name];
    if (typeof value !== 'string' || !compiledCheck(schema).Check(value)) {
      throw new InvalidParameterError(name, value, describeSchema(schema));
    }
    values[name] = value;
  }
  return values;
}

/**
 * Checks the paging and filtering parameters an operation declares and returns them as query
 * parameters, in table order. A number must also print as digits (1e21 would be sent as `1e+21`).
 */
export function clientQuery(operation: Pick<Operation, 'query'>, params: Record<string, unknown>): Array<[string, string]> {
  const query: Array<[string, string]> = [];
  for (const parameter of operation.query) {
    if (parameter.role === 'render') continue;
    const value = params[parameter.name];
    if (value === undefined) continue;
    const ok = compiledCheck(parameter.schema).Check(value) && (typeof value !== 'number' || Number.isSafeInteger(value));
    if (!ok) throw new InvalidParameterError(parameter.name, value, describeSchema(parameter.schema));
    // a checked value is a boolean, a safe integer or a string: JSON writes the first two as Atlas reads them
    query.push([parameter.name, typeof value === 'string' ? value : JSON.stringify(value)]);
  }
  return query;
}

/** `baseUrl` + an expanded path + query. */
export function buildUrl(baseUrl: string, path: string, query: Array<[string, string]> = []): string {
  const search = new URLSearchParams(query).toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}
