import { defaultSort, emptyList } from './list.js';
import type { ClusterView, ListScreen } from './types.js';

/** A cluster's views in `tab` order: it opens on its restore points. */
const CLUSTER_VIEWS: readonly ClusterView[] = ['restorePoints', 'restoreJobs', 'checkpoints'];

/** The view `direction` steps from `view` in {@link CLUSTER_VIEWS}, wrapping around. */
export function stepView(view: ClusterView, direction: 1 | -1): ClusterView {
  const at = CLUSTER_VIEWS.indexOf(view);
  return CLUSTER_VIEWS[(at + direction + CLUSTER_VIEWS.length) % CLUSTER_VIEWS.length] ?? 'restorePoints';
}

/** True for a screen that shows one of a cluster's views. */
export function isClusterView(kind: string): kind is ClusterView {
  return (CLUSTER_VIEWS as readonly string[]).includes(kind);
}

/**
 * A cluster's view, nothing loaded yet: restore points and jobs arrive newest first (one read each),
 * checkpoints open newest first (Atlas lists them oldest first).
 *
 * @example
 * clusterScreen('restoreJobs', 7, { groupId, projectName: 'prod', clusterName: 'Cluster0' })
 */
export function clusterScreen(
  view: ClusterView,
  id: number,
  at: { readonly groupId: string; readonly projectName: string; readonly clusterName: string },
): ListScreen {
  return { kind: view, id, ...at, list: emptyList(defaultSort(view)) } as ListScreen;
}
