import { canonicalQuery, type WireRequest } from '@atlas-checkpoints/core';

/** A request reduced to what identifies its upstream answer. */
export interface KeyParts {
  /** `proxy` (shared upstream credential) or an HMAC of the caller's token. Never a token. */
  readonly partition: string;
  /** The validated request: its operation, resolved API version, path values and query. */
  readonly request: WireRequest;
  /** The whole list (a snapshot, sliced per request) rather than one page. */
  readonly snapshot?: boolean | undefined;
  /** A snapshot of only the items one view may see (e.g. a restricted token's projects): its name. */
  readonly view?: string | undefined;
}

/**
 * The normalised cache key:
 * `g/<groupId|->/<clusterName|->/<partition>/<operationId>/<version>/<other path values|->/<all|all@<view>|page>[?<query>]`.
 * Scope comes first so a project or cluster purge is a prefix; the resolved API version is part of
 * it (each version is its own document); the query is the filtering parameters (and, for a page,
 * the paging ones) that differ from their defaults, in table order, so `pretty`, `envelope`,
 * unknown parameters and the spelling of a value never split the cache. Inputs are validated
 * before they get here (ids are hex, cluster names `[a-zA-Z0-9-]`), so no scope segment can
 * contain `/` or `*`.
 *
 * @example
 * cacheKey({ partition: 'proxy', request: parseRequest(OPERATIONS.listGroupClusters, { pathValues: { groupId }, search: '', accept }) })
 * // 'g/<groupId>/-/proxy/listGroupClusters/2023-01-01/-/page'
 */
export function cacheKey(parts: KeyParts): string {
  const { operation, version, pathValues, query } = parts.request;
  const { groupId, clusterName, ...rest } = pathValues;
  const ids = Object.values(rest).join('/') || '-';
  const roles = parts.snapshot ? (['filter'] as const) : (['filter', 'page'] as const);
  const search = new URLSearchParams(canonicalQuery(operation, query, roles)).toString();
  const scope = `g/${groupId ?? '-'}/${clusterName ?? '-'}/${parts.partition}/${operation.operationId}/${version}/${ids}`;
  const shape = parts.snapshot ? (parts.view === undefined ? 'all' : `all@${parts.view}`) : 'page';
  return `${scope}/${shape}${search ? `?${search}` : ''}`;
}

/**
 * The operation a key was made for (its fifth segment, the `operationId`): the route label of a
 * hit, read without parsing the request again.
 *
 * @example
 * routeOfKey('g/aaaa…/-/proxy/listGroupClusters/2023-01-01/-/page') // 'listGroupClusters'
 */
export function routeOfKey(key: string): string {
  let start = -1;
  for (let i = 0; i < 4; i += 1) start = key.indexOf('/', start + 1);
  const end = key.indexOf('/', start + 1);
  return key.slice(start + 1, end < 0 ? undefined : end);
}

/**
 * The glob matching a purge scope: a project (every cluster and partition) or one cluster.
 *
 * @example
 * purgeGlob('32b6e34b3d91647abb20e7b8') // 'g/32b6e34b3d91647abb20e7b8/*'
 */
export function purgeGlob(groupId: string, clusterName?: string): string {
  return clusterName === undefined ? `g/${groupId}/*` : `g/${groupId}/${clusterName}/*`;
}

/** The glob matching every entry that is not scoped by a project (the projects list). */
export const UNSCOPED_GLOB = 'g/-/-/*';
