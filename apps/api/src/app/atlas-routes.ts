import type { AtlasClient } from '@atlas-checkpoints/core';
import type { Context, Hono } from 'hono';
import { mayRead, type Principal } from '../auth/principal.js';
import { createEntry } from '../cache/entry.js';
import { cacheKey, type KeyParts, type RouteName } from '../cache/keys.js';
import { checkAccept } from '../http/accept.js';
import { proxyErrors } from '../http/api-error.js';
import { checkPath, parseListQuery, parseResourceQuery, type ListParams } from '../http/params.js';
import { fetchSnapshot, OVERSIZED, SnapshotTooLargeError } from '../upstream/snapshot.js';
import type { ServeSpec } from './respond.js';

/** What the Atlas routes need from the proxy. */
export interface AtlasRouteDeps {
  /** Runs a route: resolves the principal, serves `spec`, maps failures, records metrics. */
  readonly handle: (
    c: Context,
    route: RouteName,
    build: (principal: Principal & { kind: 'proxy' | 'bearer' }, client: AtlasClient) => ServeSpec | Promise<ServeSpec>,
  ) => Response | Promise<Response>;
  readonly now: () => number;
  readonly snapshotMaxItems: number;
  readonly snapshotConcurrency: number;
  /** Snapshot keys known to exceed `snapshotMaxItems` (served page by page). */
  readonly oversized: { has(key: string): boolean; set(key: string, value: true): unknown };
}

const V2 = '/api/atlas/v2';

/** A 404 from upstream becomes a short-lived negative entry; other failures propagate. */
async function orNegative(now: () => number, run: () => Promise<unknown>, kind: 'doc' | 'snapshot') {
  try {
    return createEntry(kind, await run(), now());
  } catch (error) {
    const e = error as { name?: string; status?: number; body?: unknown };
    if (e.name === 'AtlasApiError' && e.status === 404) return createEntry('error', e.body, now(), 404);
    throw error;
  }
}

function search(c: Context): string {
  const url = c.req.url;
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q + 1);
}

/**
 * Registers the four Atlas GET routes: the projects list (snapshot, filtered per proxy token),
 * clusters (per page), checkpoints (snapshot, or per page above the size limit) and one checkpoint.
 *
 * @example
 * registerAtlasRoutes(app, deps);
 */
export function registerAtlasRoutes(app: Hono, deps: AtlasRouteDeps): void {
  const { now } = deps;

  app.get(`${V2}/groups`, (c) =>
    deps.handle(c, 'listProjects', (principal, client) => {
      checkAccept(c.req.header('accept'));
      const list = parseListQuery(search(c));
      const restricted = principal.kind === 'proxy' && principal.projects !== 'all' ? principal.projects : undefined;
      const allow = restricted ? (item: unknown) => restricted.has((item as { id?: string }).id ?? '') : undefined;
      const parts = { partition: principal.partition, route: 'listProjects' as const };
      return { ...listSpec(deps, parts, list, (p) => client.listProjects(p)), allow };
    }),
  );

  app.get(`${V2}/groups/:groupId/clusters`, (c) =>
    deps.handle(c, 'listClusters', (principal, client) => {
      const groupId = c.req.param('groupId');
      checkPath({ groupId });
      if (!mayRead(principal, groupId)) throw proxyErrors.groupNotFound(groupId);
      checkAccept(c.req.header('accept'));
      const list = parseListQuery(search(c));
      const parts: KeyParts = { partition: principal.partition, route: 'listClusters', groupId, ...pageOf(list) };
      return {
        key: cacheKey(parts),
        fetcher: () => orNegative(now, () => client.listClusters({ groupId, ...pageOf(list) }), 'doc'),
        shape: 'list',
        flags: list,
      };
    }),
  );

  app.get(`${V2}/groups/:groupId/clusters/:clusterName/backupCheckpoints`, (c) =>
    deps.handle(c, 'listCheckpoints', (principal, client) => {
      const { groupId, clusterName } = c.req.param();
      checkPath({ groupId, clusterName });
      if (!mayRead(principal, groupId)) throw proxyErrors.groupNotFound(groupId);
      checkAccept(c.req.header('accept'));
      const list = parseListQuery(search(c));
      const parts = { partition: principal.partition, route: 'listCheckpoints' as const, groupId, clusterName };
      return listSpec(deps, parts, list, (p) => client.listClusterBackupCheckpoints({ groupId, clusterName, ...p }));
    }),
  );

  app.get(`${V2}/groups/:groupId/clusters/:clusterName/backupCheckpoints/:checkpointId`, (c) =>
    deps.handle(c, 'getCheckpoint', (principal, client) => {
      const { groupId, clusterName, checkpointId } = c.req.param();
      checkPath({ groupId, clusterName, checkpointId });
      if (!mayRead(principal, groupId)) throw proxyErrors.groupNotFound(groupId);
      checkAccept(c.req.header('accept'));
      const flags = parseResourceQuery(search(c));
      return {
        key: cacheKey({ partition: principal.partition, route: 'getCheckpoint', groupId, clusterName, checkpointId }),
        fetcher: () => orNegative(now, () => client.getClusterBackupCheckpoint({ groupId, clusterName, checkpointId }), 'doc'),
        shape: 'resource',
        flags,
      };
    }),
  );
}

function pageOf(list: { pageNum: number; itemsPerPage: number; includeCount: boolean }) {
  return { pageNum: list.pageNum, itemsPerPage: list.itemsPerPage, includeCount: list.includeCount };
}

type PageArgs = { pageNum?: number; itemsPerPage?: number; includeCount?: boolean; signal?: AbortSignal };

/**
 * A snapshot list: the whole list under one key, sliced per request; once the list is known to
 * exceed the snapshot limit, the page itself under a page key.
 */
function listSpec(
  deps: AtlasRouteDeps,
  parts: Omit<KeyParts, 'snapshot' | 'pageNum' | 'itemsPerPage' | 'includeCount'>,
  list: ListParams,
  fetchPage: (p: PageArgs) => Promise<{ results: unknown[]; totalCount?: number }>,
): ServeSpec {
  const snapshotKey = cacheKey({ ...parts, snapshot: true });
  if (deps.oversized.has(snapshotKey)) {
    return {
      key: cacheKey({ ...parts, ...pageOf(list) }),
      fetcher: () => orNegative(deps.now, () => fetchPage(pageOf(list)), 'doc'),
      shape: 'list',
      flags: list,
    };
  }
  return {
    key: snapshotKey,
    fetcher: () =>
      orNegative(
        deps.now,
        async () => {
          const items = await fetchSnapshot(fetchPage, {}, deps.snapshotMaxItems, deps.snapshotConcurrency);
          if (items === OVERSIZED) {
            deps.oversized.set(snapshotKey, true);
            throw new SnapshotTooLargeError(`${snapshotKey} holds more than ${deps.snapshotMaxItems} items`);
          }
          return { results: items };
        },
        'snapshot',
      ),
    shape: 'list',
    flags: list,
    list,
  };
}
