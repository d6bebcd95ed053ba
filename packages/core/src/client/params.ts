import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import { CheckpointIdCheck, ClusterNameCheck, GroupIdCheck, ListQueryCheck } from '../schemas/validators.js';

/**
 * Paging options every list method takes.
 *
 * @example
 * await client.listProjects({ pageNum: 2, itemsPerPage: 500, includeCount: false, signal: AbortSignal.timeout(10_000) });
 */
export interface ListOptions {
  /** Page number, from 1 (Atlas default 1). */
  pageNum?: number | undefined;
  /** Items per page, 1..500 (Atlas default 100). */
  itemsPerPage?: number | undefined;
  /** Ask for `totalCount` (Atlas default true). */
  includeCount?: boolean | undefined;
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
}

/** Parameters of `listClusters`. */
export interface ListClustersParams extends ListOptions {
  /** Project id, 24 hexadecimal digits. */
  groupId: string;
}

/** Parameters of `listClusterBackupCheckpoints`. */
export interface ListCheckpointsParams extends ListClustersParams {
  /** Cluster name (`^[a-zA-Z0-9][a-zA-Z0-9-]*$`). */
  clusterName: string;
}

/** Parameters of `getClusterBackupCheckpoint`. */
export interface GetCheckpointParams {
  groupId: string;
  clusterName: string;
  /** Checkpoint id, 24 hexadecimal digits. */
  checkpointId: string;
  signal?: AbortSignal | undefined;
}

const OBJECT_ID = 'a 24-hexadecimal-digit id (^([a-f0-9]{24})$)';
const EXPECTED: Record<string, string> = {
  pageNum: 'a safe integer >= 1',
  itemsPerPage: 'an integer from 1 to 500',
  includeCount: 'a boolean',
};

/** Checks that `params` is an object (or absent where allowed) and its `signal` an AbortSignal. */
export function checkParamsObject(params: unknown, optional: boolean): Record<string, unknown> {
  if (params === undefined && optional) return {};
  if (params === null || typeof params !== 'object') throw new InvalidParameterError('params', params, 'an object');
  const { signal } = params as { signal?: unknown };
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw new InvalidParameterError('signal', typeof signal, 'an AbortSignal');
  return params as Record<string, unknown>;
}

/** Checks the path ids present in `params`. */
export function checkPathParams(
  params: Record<string, unknown>,
  names: ReadonlyArray<'groupId' | 'clusterName' | 'checkpointId'>,
): void {
  for (const name of names) {
    const value = params[name];
    const ok =
      name === 'clusterName'
        ? ClusterNameCheck.Check(value)
        : name === 'groupId'
          ? GroupIdCheck.Check(value)
          : CheckpointIdCheck.Check(value);
    if (!ok)
      throw new InvalidParameterError(
        name,
        value,
        name === 'clusterName' ? 'a cluster name (^[a-zA-Z0-9][a-zA-Z0-9-]*$)' : OBJECT_ID,
      );
  }
}

/** Checks `pageNum`, `itemsPerPage`, `includeCount` and returns them as query parameters. */
export function listQuery(params: Record<string, unknown>): Record<string, string> {
  const query: Record<string, unknown> = {};
  for (const name of ['pageNum', 'itemsPerPage', 'includeCount'] as const) {
    if (params[name] !== undefined) query[name] = params[name];
  }
  if (!ListQueryCheck.Check(query)) {
    const name = (ListQueryCheck.Errors(query).First()?.path ?? '/pageNum').slice(1);
    throw new InvalidParameterError(name, query[name], EXPECTED[name] ?? 'a valid value');
  }
  // the spec sets no maximum, but 1e21 would be sent as "1e+21": keep to integers that print as digits
  if (query.pageNum !== undefined && !Number.isSafeInteger(query.pageNum)) {
    throw new InvalidParameterError('pageNum', query.pageNum, EXPECTED.pageNum as string);
  }
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)]));
}

/** `baseUrl` + path segments (each percent-encoded) + query. */
export function buildUrl(baseUrl: string, segments: readonly string[], query: Record<string, string> = {}): string {
  const path = segments.map((segment) => encodeURIComponent(segment)).join('/');
  const search = new URLSearchParams(query).toString();
  return `${baseUrl}/api/atlas/v2/${path}${search ? `?${search}` : ''}`;
}
