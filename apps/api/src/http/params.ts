import { CheckpointIdCheck, ClusterNameCheck, GroupIdCheck } from '@atlas-checkpoints/core';
import { proxyErrors } from './api-error.js';

/** Render options every route takes. */
export interface RenderFlags {
  readonly pretty: boolean;
  readonly envelope: boolean;
}

/** A list route's normalised query. */
export interface ListParams extends RenderFlags {
  readonly pageNum: number;
  readonly itemsPerPage: number;
  readonly includeCount: boolean;
}

const LIST_PARAMS = new Set(['pageNum', 'itemsPerPage', 'includeCount', 'pretty', 'envelope']);
const RESOURCE_PARAMS = new Set(['pretty', 'envelope']);
const MAX_QUERY_LENGTH = 2048;

/**
 * Parses and validates a list query (`pageNum`, `itemsPerPage`, `includeCount`, `pretty`,
 * `envelope`); unknown or repeated parameters and bad values throw an Atlas-shaped 400.
 *
 * @example
 * parseListQuery('pageNum=2&itemsPerPage=50') // { pageNum: 2, itemsPerPage: 50, includeCount: true, pretty: false, envelope: false }
 */
export function parseListQuery(search: string): ListParams {
  const q = readQuery(search, LIST_PARAMS);
  const pageNum = q.pageNum === undefined ? 1 : parseInteger('pageNum', q.pageNum);
  if (pageNum < 1) throw proxyErrors.invalidQuery('pageNum', 'must be an integer of at least 1');
  let itemsPerPage = 100;
  if (q.itemsPerPage !== undefined) {
    if (!/^\d{1,4}$/.test(q.itemsPerPage)) throw proxyErrors.invalidItemsPerPage(q.itemsPerPage);
    itemsPerPage = Number(q.itemsPerPage);
    if (itemsPerPage < 1 || itemsPerPage > 500) throw proxyErrors.invalidItemsPerPage(q.itemsPerPage);
  }
  return {
    pageNum,
    itemsPerPage,
    includeCount: parseBoolean('includeCount', q.includeCount, true),
    pretty: parseBoolean('pretty', q.pretty, false),
    envelope: parseBoolean('envelope', q.envelope, false),
  };
}

/**
 * Parses the query of a single-resource route (`pretty`, `envelope` only).
 *
 * @example
 * parseResourceQuery('pretty=true') // { pretty: true, envelope: false }
 */
export function parseResourceQuery(search: string): RenderFlags {
  const q = readQuery(search, RESOURCE_PARAMS);
  return { pretty: parseBoolean('pretty', q.pretty, false), envelope: parseBoolean('envelope', q.envelope, false) };
}

/** Validates path parameters with core's compiled validators; a bad one throws `INVALID_ATTRIBUTE`. */
export function checkPath(params: {
  groupId?: string | undefined;
  clusterName?: string | undefined;
  checkpointId?: string | undefined;
}): void {
  if (params.groupId !== undefined && !GroupIdCheck.Check(params.groupId)) throw proxyErrors.invalidAttribute('groupId');
  if (params.clusterName !== undefined && (params.clusterName.length > 64 || !ClusterNameCheck.Check(params.clusterName))) {
    throw proxyErrors.invalidAttribute('clusterName');
  }
  if (params.checkpointId !== undefined && !CheckpointIdCheck.Check(params.checkpointId))
    throw proxyErrors.invalidAttribute('checkpointId');
}

function readQuery(search: string, allowed: ReadonlySet<string>): Record<string, string | undefined> {
  if (search.length > MAX_QUERY_LENGTH) throw proxyErrors.invalidQuery('query', `must be at most ${MAX_QUERY_LENGTH} characters`);
  const out: Record<string, string | undefined> = {};
  if (search === '') return out;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    throw proxyErrors.invalidQuery('query', 'is not a valid query string');
  }
  for (const [name, value] of params) {
    if (!allowed.has(name)) throw proxyErrors.invalidQuery(name, 'is not a supported query parameter');
    if (out[name] !== undefined) throw proxyErrors.invalidQuery(name, 'must be given at most once');
    out[name] = value;
  }
  return out;
}

function parseInteger(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw proxyErrors.invalidQuery(name, 'must be an integer');
  return Number(value);
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw proxyErrors.invalidQuery(name, 'must be true or false');
}
