import type { Context, Hono } from 'hono';
import type { Checkpoint, Cluster, Group } from '../fixtures/model.js';
import { negotiateVersion } from './accept.js';
import type { FakeEnv } from './context.js';
import { atlasErrors } from './errors.js';
import { pageLinks, selfLink } from './links.js';
import { parseListQuery, parseSingleQuery } from './query.js';
import type { BodyCache } from './body-cache.js';
import { listText, renderList, renderSingle, singleText } from './render.js';
import type { FixtureStore, StoredGroup } from './store.js';

const OBJECT_ID = /^([a-f0-9]{24})$/;
const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
const V2 = '/api/atlas/v2';

type Ctx = Context<FakeEnv>;

function list<T extends object>(
  c: Ctx,
  cache: BodyCache,
  route: string,
  all: readonly T[],
  withLinks: (item: T, origin: string) => T,
): Response {
  const url = new URL(c.req.url);
  const query = parseListQuery(url.searchParams);
  negotiateVersion(c.req.header('accept'), route);
  // The principal is part of the key: a key limited by groupIds sees a different project list.
  const text = cache.get(`${c.var.principal.id ?? ''} ${url.href}`, () => {
    const start = (query.pageNum - 1) * query.itemsPerPage;
    const results =
      start < all.length ? all.slice(start, start + query.itemsPerPage).map((item) => withLinks(item, url.origin)) : [];
    const body = query.includeCount
      ? { links: pageLinks(url, query, all.length), results, totalCount: all.length }
      : { links: pageLinks(url, query, all.length), results };
    return listText(body, 200, query);
  });
  return renderList(text, 200, query, c.var.rateHeaders);
}

function findGroup(c: Ctx, store: FixtureStore): StoredGroup {
  const groupId = c.req.param('groupId') ?? '';
  if (!OBJECT_ID.test(groupId)) throw atlasErrors.invalidAttribute('groupId');
  const found = store.group(groupId);
  if (!found) throw atlasErrors.groupNotFound(groupId);
  const allowed = c.var.principal.groupIds;
  if (allowed && !allowed.includes(groupId)) throw atlasErrors.forbidden();
  return found;
}

function findCluster(c: Ctx, store: FixtureStore) {
  const group = findGroup(c, store);
  const name = c.req.param('clusterName') ?? '';
  if (!CLUSTER_NAME.test(name)) throw atlasErrors.invalidAttribute('clusterName');
  const cluster = group.clusters.get(name);
  if (!cluster) throw atlasErrors.clusterNotFound(name, String(group.group.id));
  return cluster;
}

const groupLinks = (group: Group, origin: string): Group => ({ ...group, links: selfLink(origin, `${V2}/groups/${group.id}`) });
const clusterLinks = (cluster: Cluster, origin: string): Cluster => ({
  ...cluster,
  links: selfLink(origin, `${V2}/groups/${cluster.groupId}/clusters/${cluster.name}`),
});
function checkpointLinks(name: string) {
  return (checkpoint: Checkpoint, origin: string): Checkpoint => ({
    ...checkpoint,
    links: selfLink(origin, `${V2}/groups/${checkpoint.groupId}/clusters/${name}/backupCheckpoints/${checkpoint.id}`),
  });
}

/**
 * Mounts the four GET endpoints of the wire contract on `app`.
 *
 * @example
 * mountRoutes(app, createStore(fixtures), createBodyCache(1000));
 */
export function mountRoutes(app: Hono<FakeEnv>, store: FixtureStore, cache: BodyCache): void {
  app.get(`${V2}/groups`, (c) => {
    const allowed = c.var.principal.groupIds;
    const groups = allowed ? store.groups.filter((group) => allowed.includes(String(group.id))) : store.groups;
    return list(c, cache, 'listGroups', groups, groupLinks);
  });
  app.get(`${V2}/groups/:groupId/clusters`, (c) =>
    list(c, cache, 'listGroupClusters', findGroup(c, store).clusterList, clusterLinks),
  );
  app.get(`${V2}/groups/:groupId/clusters/:clusterName/backupCheckpoints`, (c) => {
    const cluster = findCluster(c, store);
    return list(
      c,
      cache,
      'listGroupClusterBackupCheckpoints',
      cluster.checkpoints,
      checkpointLinks(String(cluster.cluster.name)),
    );
  });
  app.get(`${V2}/groups/:groupId/clusters/:clusterName/backupCheckpoints/:checkpointId`, (c) => {
    const query = parseSingleQuery(new URL(c.req.url).searchParams);
    const cluster = findCluster(c, store);
    const checkpointId = c.req.param('checkpointId');
    if (!OBJECT_ID.test(checkpointId)) throw atlasErrors.invalidAttribute('checkpointId');
    negotiateVersion(c.req.header('accept'), 'getGroupClusterBackupCheckpoint');
    const checkpoint = cluster.byId(checkpointId);
    if (!checkpoint) throw atlasErrors.checkpointNotFound(checkpointId);
    const url = new URL(c.req.url);
    const text = cache.get(url.href, () =>
      singleText(checkpointLinks(String(cluster.cluster.name))(checkpoint, url.origin), 200, query),
    );
    return renderSingle(text, 200, query, c.var.rateHeaders);
  });
}
