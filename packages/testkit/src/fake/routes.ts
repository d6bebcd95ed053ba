import {
  expandPath,
  linkOrigin,
  listPage,
  OPERATION_LIST,
  parseRequest,
  renderBody,
  renderFlags,
  requestKey,
  routePattern,
  versionHeaders,
  type Operation,
  type OperationId,
} from '@atlas-checkpoints/core';
import type { Context, Hono } from 'hono';
import type { BodyCache } from './body-cache.js';
import type { FakeEnv } from './context.js';
import { DATA_HANDLERS, type FakeData } from './data-handlers.js';
import type { FixtureStore } from './store.js';

function withSelfLink(item: object, href: string): object {
  return { ...item, links: [{ href, rel: 'self' }] };
}

function render(data: FakeData, origin: string, request: ReturnType<typeof parseRequest>): string {
  const path = `${origin}${expandPath(request.operation, request.pathValues)}`;
  const flags = renderFlags(request.query);
  if (data.kind === 'resource') return renderBody(withSelfLink(data.document, path), 'resource', flags);
  const page = listPage(data.items, {
    origin,
    operation: request.operation,
    pathValues: request.pathValues,
    query: request.query,
  });
  const itemPath = data.itemPath ?? ((list: string, item: object) => `${list}/${encodeURIComponent(data.itemKey(item))}`);
  const results = page.results.map((item) => withSelfLink(item, itemPath(path, item)));
  return renderBody({ ...page, results }, 'list', flags);
}

function serve(c: Context<FakeEnv>, operation: Operation, store: FixtureStore, cache: BodyCache): Response {
  const url = c.req.url;
  const origin = linkOrigin(url);
  const q = url.indexOf('?');
  const request = parseRequest(operation, {
    pathValues: c.req.param(),
    search: q < 0 ? '' : url.slice(q + 1),
    accept: c.req.header('accept'),
  });
  const principal = c.var.principal;
  // The principal is part of the key: a key limited by groupIds sees a different project list.
  const produce = () => render(DATA_HANDLERS[operation.operationId as OperationId](store, request, principal), origin, request);
  // Documents that may change (restore jobs, core's `mayChange`) advance as they are read: rendered every time.
  const text = operation.mayChange ? produce() : cache.get(`${principal.id ?? ''} ${origin} ${requestKey(request)}`, produce);
  return new Response(text, { status: 200, headers: { ...versionHeaders(operation, request.version), ...c.var.rateHeaders } });
}

/**
 * Mounts one GET route per operation of core's operation table, each validating the request with
 * core's wire layer (`Accept`, path, query), serving the fixtures in the negotiated version's
 * shape, and rendering pages, links, `envelope` and `pretty` with it.
 *
 * @example
 * mountRoutes(app, createStore(fixtures), createBodyCache(1000));
 */
export function mountRoutes(app: Hono<FakeEnv>, store: FixtureStore, cache: BodyCache): void {
  for (const operation of OPERATION_LIST) {
    app.get(
      routePattern(operation, (name) => `:${name}`),
      (c) => serve(c, operation, store, cache),
    );
  }
}
