import { paginate, type ListFn, type PageRequest } from '@atlas-checkpoints/core';

/** The list was larger than the snapshot limit; the caller falls back to caching pages. */
export const OVERSIZED = Symbol('oversized');

/** Thrown by a snapshot fetcher when the list exceeds the limit; the route retries page by page. */
export class SnapshotTooLargeError extends Error {
  override name = 'SnapshotTooLargeError' as const;
}

/** True when `error` is a {@link SnapshotTooLargeError}. */
export function isSnapshotTooLarge(error: unknown): error is SnapshotTooLargeError {
  return error instanceof Error && error.name === 'SnapshotTooLargeError';
}

/**
 * Fetches every item of a list with core's paginator (500 per page, pages in parallel once
 * `totalCount` is known), or {@link OVERSIZED} as soon as it is known to exceed `maxItems`;
 * `signal` aborts the walk. With `keep`, only the items it keeps are gathered (and counted
 * against `maxItems`): every page is still read.
 *
 * @example
 * const items = await fetchSnapshot(client.listClusterBackupCheckpoints, { groupId, clusterName }, 50_000, 4);
 */
export async function fetchSnapshot<P extends PageRequest, T>(
  list: ListFn<P, T>,
  params: Omit<P, keyof PageRequest>,
  maxItems: number,
  concurrency: number,
  signal?: AbortSignal,
  keep?: (item: T) => boolean,
): Promise<T[] | typeof OVERSIZED> {
  const walk = paginate(list, params as P, { itemsPerPage: 500, concurrency, ...(signal ? { signal } : {}) });
  const items: T[] = [];
  for await (const page of walk.pages()) {
    if (keep === undefined && page.totalCount !== undefined && page.totalCount > maxItems) return OVERSIZED;
    for (const item of page.results) if (keep === undefined || keep(item)) items.push(item);
    if (items.length > maxItems) return OVERSIZED;
  }
  return items;
}
