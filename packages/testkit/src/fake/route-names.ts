import { matchOperation, type OperationId } from '@atlas-checkpoints/core';

/** The fake's routes, named by the spec's operationIds (plus the OAuth endpoints). */
export type RouteName = OperationId | 'oauthToken' | 'oauthRevoke' | 'unknown';

/**
 * Names the route a request path addresses (before routing, so faults and logs can target it).
 *
 * @example
 * routeOf('/api/atlas/v2/groups/abc/clusters'); // 'listGroupClusters'
 */
export function routeOf(path: string): RouteName {
  if (path === '/api/oauth/token') return 'oauthToken';
  if (path === '/api/oauth/revoke') return 'oauthRevoke';
  return (
    (matchOperation(path.length > 1 ? path.replace(/\/$/, '') : path)?.operation.operationId as OperationId | undefined) ??
    'unknown'
  );
}
