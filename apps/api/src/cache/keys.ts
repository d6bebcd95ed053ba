/** The four upstream operations the proxy caches. */
export type RouteName = 'listProjects' | 'listClusters' | 'listCheckpoints' | 'getCheckpoint';

/** A request reduced to what identifies its upstream answer. */
export interface KeyParts {
  /** `proxy` (shared upstream credential) or an HMAC of the caller's token. Never a token. */
  readonly partition: string;
  readonly route: RouteName;
  readonly groupId?: string | undefined;
  readonly clusterName?: string | undefined;
  readonly checkpointId?: string | undefined;
  /** Page-level keys only (not snapshots). */
  readonly pageNum?: number | undefined;
  readonly itemsPerPage?: number | undefined;
  readonly includeCount?: boolean | undefined;
  /** Snapshot keys: the whole list. */
  readonly snapshot?: boolean | undefined;
}

/**
 * The normalised cache key: `g/<groupId|->/<cluster|->/<partition>/<route>/<rest>`. Scope
 * comes first so a project or cluster purge is a prefix; `pretty`/`envelope` are not part of
 * it (they are applied when rendering). Inputs are validated before they get here (ids are hex,
 * cluster names `[a-zA-Z0-9-]`), so no segment can contain `/` or `*`.
 *
 * @example
 * cacheKey({ partition: 'proxy', route: 'listClusters', groupId: 'a'.repeat(24), pageNum: 1, itemsPerPage: 100, includeCount: true })
 * // 'g/aaaa…/-/proxy/listClusters/p1.100.1'
 */
export function cacheKey(parts: KeyParts): string {
  const scope = `g/${parts.groupId ?? '-'}/${parts.clusterName ?? '-'}/${parts.partition}/${parts.route}`;
  if (parts.route === 'getCheckpoint') return `${scope}/${parts.checkpointId ?? '-'}`;
  if (parts.snapshot) return `${scope}/all`;
  const count = parts.includeCount === false ? 0 : 1;
  return `${scope}/p${parts.pageNum ?? 1}.${parts.itemsPerPage ?? 100}.${count}`;
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

/** The glob matching every key of one partition (used when a passthrough token is rejected). */
export function partitionGlob(partition: string): string {
  return `g/*/*/${partition}/*`;
}
