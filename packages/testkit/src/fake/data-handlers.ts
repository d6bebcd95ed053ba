import { wireErrors, type OperationId, type WireRequest } from '@atlas-checkpoints/core';
import { clusterView } from '../fixtures/cluster-views.js';
import { backupHandlers } from './backup-handlers.js';
import type { Principal } from './context.js';
import type { FixtureStore, StoredCluster, StoredGroup } from './store.js';

/**
 * What the fake serves for one request: the items of a list with the key that names each item
 * under the list's path (its `self` link is the list path plus that key), or one document.
 */
export type FakeData =
  | {
      readonly kind: 'list';
      readonly items: readonly object[];
      readonly itemKey: (item: object) => string;
      /** The item's own path when it is not the list path plus its key (sharded-cluster snapshots). */
      readonly itemPath?: (listPath: string, item: object) => string;
    }
  | { readonly kind: 'resource'; readonly document: object };

/** Produces an operation's data from the fixtures (throws the Atlas 403/404 `WireError`). */
export type DataHandler = (store: FixtureStore, request: WireRequest, principal: Principal) => FakeData;

const byId = (item: object) => String((item as { id?: unknown }).id);
const byName = (item: object) => String((item as { name?: unknown }).name);

function findGroup(store: FixtureStore, request: WireRequest, principal: Principal): StoredGroup {
  const groupId = request.pathValues.groupId ?? '';
  const found = store.group(groupId);
  if (!found) throw wireErrors.groupNotFound(groupId);
  if (principal.groupIds && !principal.groupIds.includes(groupId)) throw wireErrors.forbidden();
  return found;
}

function findCluster(store: FixtureStore, request: WireRequest, principal: Principal): StoredCluster {
  const group = findGroup(store, request, principal);
  const name = request.pathValues.clusterName ?? '';
  const cluster = group.clusters.get(name);
  if (!cluster) throw wireErrors.clusterNotFound(name, String(group.group.id));
  return cluster;
}

/**
 * The fake's data per operation of core's table. Typed over every `OperationId`, so an operation
 * added to the table does not compile here until the fake can serve it. The clusters list is
 * served in the document shape of the version negotiated (see `clusterView`).
 */
export const DATA_HANDLERS: { readonly [Id in OperationId]: DataHandler } = {
  listGroups: (store, _request, principal) => {
    const allowed = principal.groupIds;
    const items = allowed ? store.groups.filter((group) => allowed.includes(String(group.id))) : store.groups;
    return { kind: 'list', items, itemKey: byId };
  },
  listGroupClusters: (store, request, principal) => {
    const component = request.operation.versions.find((entry) => entry.version === request.version)?.component ?? '';
    const items = findGroup(store, request, principal).clusterList.map((cluster) => clusterView(cluster, component));
    return { kind: 'list', items, itemKey: byName };
  },
  listGroupClusterBackupCheckpoints: (store, request, principal) => ({
    kind: 'list',
    items: findCluster(store, request, principal).checkpoints,
    itemKey: byId,
  }),
  getGroupClusterBackupCheckpoint: (store, request, principal) => {
    const checkpointId = request.pathValues.checkpointId ?? '';
    const checkpoint = findCluster(store, request, principal).byId(checkpointId);
    if (!checkpoint) throw wireErrors.checkpointNotFound(checkpointId);
    return { kind: 'resource', document: checkpoint };
  },
  ...backupHandlers(findCluster),
};
