import {
  isAtlasApiError,
  OPERATION_LIST,
  pageSelection,
  routePattern,
  type AtlasClient,
  type Operation,
  type OperationId,
  type QueryValue,
  type WireRequest,
} from '@atlas-checkpoints/core';
import type { Context, Hono } from 'hono';
import type { Principal } from '../auth/principal.js';
import { createEntry } from '../cache/entry.js';
import { cacheKey } from '../cache/keys.js';
import { fetchSnapshot, OVERSIZED, SnapshotTooLargeError } from '../upstream/snapshot.js';
import type { ServeSpec } from './respond.js';

/** A principal whose answers are cached. */
export type CachingPrincipal = Principal & { kind: 'proxy' | 'bearer' };

/** Builds what to serve for a validated request. */
export type SpecBuilder = (principal: CachingPrincipal, client: AtlasClient, request: WireRequest) => ServeSpec;

/** What the Atlas routes need from the proxy. */
export interface AtlasRouteDeps {
  /** Runs a route: validates the request, resolves the principal, serves the spec, maps failures, records metrics. */
  readonly handle: (c: Context, operation: Operation, build: SpecBuilder) => Response | Promise<Response>;
  readonly now: () => number;
  /** Freshness of an answer holding a document that may still change (see `CachePolicy.changingTtlMs`). */
  readonly changingTtlMs: number;
  readonly snapshotMaxItems: number;
  readonly snapshotConcurrency: number;
  /** Snapshot keys known to exceed `snapshotMaxItems` (served page by page). */
  readonly oversized: { has(key: string): boolean; set(key: string, value: true): unknown };
}

type PageArgs = { pageNum?: number; itemsPerPage?: number; includeCount?: boolean; signal?: AbortSignal | undefined };
type Call = (page: PageArgs) => Promise<unknown>;

/**
 * The entry's own freshness: `changingTtlMs` when the answer holds a document the operation table
 * says may still change (a running restore job, `operation.mayChange`), else the policy's.
 */
function ownTtl(operation: Operation, doc: unknown, changingTtlMs: number): number | undefined {
  const mayChange = operation.mayChange;
  if (!mayChange) return undefined;
  const items = operation.shape === 'list' ? ((doc as { results?: unknown[] }).results ?? []) : [doc];
  return items.some((item) => mayChange(item)) ? changingTtlMs : undefined;
}

/** A 404 from upstream becomes a short-lived negative entry; other failures propagate. */
async function orNegative(deps: AtlasRouteDeps, operation: Operation, run: () => Promise<unknown>, kind: 'doc' | 'snapshot') {
  const now = deps.now;
  try {
    const doc = await run();
    return createEntry(kind, doc, now(), 200, ownTtl(operation, doc, deps.changingTtlMs));
  } catch (error) {
    if (isAtlasApiError(error) && error.status === 404) return createEntry('error', error.body, now(), 404);
    throw error;
  }
}

/** The upstream call's parameters: the path values and the filtering parameters that differ from their default. */
function upstreamParams(request: WireRequest): Record<string, QueryValue> {
  const params: Record<string, QueryValue> = { ...request.pathValues };
  for (const parameter of request.operation.query) {
    const value = request.query.values[parameter.name];
    if (parameter.role === 'filter' && value !== undefined && value !== parameter.schema.default) params[parameter.name] = value;
  }
  return params;
}

/**
 * A list whose path has no project (`listGroups`) is filtered to the projects a restricted proxy
 * token may read; every other operation is scoped by its `groupId`, checked before it gets here.
 */
function projectsFilter(request: WireRequest, principal: CachingPrincipal): ((item: unknown) => boolean) | undefined {
  if ('groupId' in request.operation.pathParameters || principal.kind !== 'proxy' || principal.projects === 'all')
    return undefined;
  const projects = principal.projects;
  return (item) => projects.has((item as { id?: string }).id ?? '');
}

/**
 * A list: the whole list under one key (a snapshot, sliced per request); once the list is known
 * to exceed the snapshot limit, the page itself under a page key.
 */
function listSpec(deps: AtlasRouteDeps, partition: string, request: WireRequest, call: Call): Omit<ServeSpec, 'allow'> {
  const snapshotKey = cacheKey({ partition, request, snapshot: true });
  if (deps.oversized.has(snapshotKey)) {
    const { pageNum, itemsPerPage, includeCount } = pageSelection(request.query);
    return {
      key: cacheKey({ partition, request }),
      fetcher: (signal) =>
        orNegative(deps, request.operation, () => call({ pageNum, itemsPerPage, includeCount, signal }), 'doc'),
      request,
      snapshot: false,
    };
  }
  const fetchPage = (page: PageArgs) => call(page) as Promise<{ results: unknown[]; totalCount?: number }>;
  return {
    key: snapshotKey,
    fetcher: (signal) =>
      orNegative(
        deps,
        request.operation,
        async () => {
          const items = await fetchSnapshot(fetchPage, {}, deps.snapshotMaxItems, deps.snapshotConcurrency, signal);
          if (items === OVERSIZED) {
            deps.oversized.set(snapshotKey, true);
            throw new SnapshotTooLargeError(`${snapshotKey} holds more than ${deps.snapshotMaxItems} items`);
          }
          return { results: items };
        },
        'snapshot',
      ),
    request,
    snapshot: true,
  };
}

/**
 * Registers one GET route per operation of core's operation table. Each asks upstream for the API
 * version the caller's `Accept` resolved to and caches per version: a list as one snapshot (or
 * page by page above the size limit), a single resource as one document. Adding an operation to
 * core's table adds its route here with no code.
 *
 * @example
 * registerAtlasRoutes(app, deps);
 */
export function registerAtlasRoutes(app: Hono, deps: AtlasRouteDeps): void {
  const build: SpecBuilder = (principal, client, request) => {
    const { operation, version } = request;
    const params = upstreamParams(request);
    const call: Call = (page) =>
      client.call(operation.operationId as OperationId, { ...params, ...page }, { apiVersion: version as never });
    const partition = principal.partition;
    if (operation.shape === 'resource') {
      return {
        key: cacheKey({ partition, request }),
        fetcher: (signal) => orNegative(deps, operation, () => call({ signal }), 'doc'),
        request,
        snapshot: false,
      };
    }
    return { ...listSpec(deps, partition, request, call), allow: projectsFilter(request, principal) };
  };
  for (const operation of OPERATION_LIST) {
    app.get(
      routePattern(operation, (name) => `:${name}`),
      (c) => deps.handle(c, operation, build),
    );
  }
}
