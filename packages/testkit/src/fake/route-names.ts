/** The fake's routes, named by the spec's operationIds (plus the OAuth endpoints). */
export type RouteName =
  | 'listGroups'
  | 'listGroupClusters'
  | 'listGroupClusterBackupCheckpoints'
  | 'getGroupClusterBackupCheckpoint'
  | 'oauthToken'
  | 'oauthRevoke'
  | 'unknown';

const PREFIX = '/api/atlas/v2/groups';

/**
 * Names the route a request path addresses (before routing, so faults and logs can target it).
 *
 * @example
 * routeOf('/api/atlas/v2/groups/abc/clusters'); // 'listGroupClusters'
 */
export function routeOf(path: string): RouteName {
  if (path === '/api/oauth/token') return 'oauthToken';
  if (path === '/api/oauth/revoke') return 'oauthRevoke';
  if (path === PREFIX || path === `${PREFIX}/`) return 'listGroups';
  if (!path.startsWith(`${PREFIX}/`)) return 'unknown';
  const segments = path.slice(PREFIX.length + 1).split('/');
  if (segments.at(-1) === '') segments.pop();
  if (segments.length === 2 && segments[1] === 'clusters') return 'listGroupClusters';
  if (segments.length === 4 && segments[1] === 'clusters' && segments[3] === 'backupCheckpoints')
    return 'listGroupClusterBackupCheckpoints';
  if (segments.length === 5 && segments[1] === 'clusters' && segments[3] === 'backupCheckpoints')
    return 'getGroupClusterBackupCheckpoint';
  return 'unknown';
}
