import { isApiVersionDate, type ApiVersion } from './api-version.js';
import type { Operation } from './operation.js';
import { wireErrors } from './wire-errors.js';

/**
 * The version Atlas serves for a requested date: the newest version of the operation that is not
 * later than the date, or `undefined` when the date is before its first version.
 *
 * @example
 * resolveVersion(OPERATIONS.listGroupClusters, '2024-01-01') // '2023-02-01'
 * resolveVersion(OPERATIONS.listGroupClusterBackupCheckpoints, '2025-03-12') // '2023-01-01'
 */
export function resolveVersion(operation: Pick<Operation, 'versions'>, date: string): ApiVersion | undefined {
  let found: ApiVersion | undefined;
  for (const { version } of operation.versions) if (version <= date) found = version;
  return found;
}

const VENDOR = /^application\/vnd\.atlas\.([^+]*)\+([a-z0-9.-]+)$/;
const GENERIC = new Set(['*/*', 'application/*', 'application/json']);

interface MediaRange {
  readonly type: string;
  readonly q: number;
}

function mediaRanges(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const entry of accept.slice(0, 1024).split(',')) {
    const [type = '', ...parameters] = entry.split(';');
    let q = 1;
    for (const parameter of parameters) {
      const [name = '', value = ''] = parameter.split('=');
      if (name.trim().toLowerCase() === 'q') q = Number(value.trim());
    }
    if (type.trim() !== '' && q > 0) ranges.push({ type: type.trim().toLowerCase(), q });
  }
  return ranges.sort((a, b) => b.q - a.q);
}

function negotiate(operation: Pick<Operation, 'versions'>, accept: string | undefined): ApiVersion {
  const first = operation.versions[0].version;
  if (accept === undefined || accept.trim() === '') return first;
  let rejected: Error | undefined;
  for (const { type } of mediaRanges(accept)) {
    if (GENERIC.has(type)) return first;
    const match = VENDOR.exec(type);
    if (!match) continue;
    const [, date = '', suffix] = match;
    if (!isApiVersionDate(date)) {
      rejected ??= wireErrors.invalidVersionDate();
      continue;
    }
    const version = resolveVersion(operation, date);
    if (version !== undefined && suffix === 'json') return version;
    rejected ??= version === undefined ? wireErrors.notAcceptable(date, first) : wireErrors.mediaTypeNotAcceptable(type);
  }
  throw rejected ?? wireErrors.invalidVersionDate();
}

const memo = new WeakMap<object, Map<string, ApiVersion | Error>>();
const MEMO_LIMIT = 256;

/**
 * Negotiates the API version from `Accept` as Atlas does: `application/vnd.atlas.<date>+json`
 * resolves to the newest version not later than the date (so the documentation's `2025-03-12`
 * reaches a resource whose only version is `2023-01-01`); a missing header, `*\/*`,
 * `application/*` and `application/json` get the first version. Media ranges are tried by
 * descending `q` (`q=0` refuses one). Throws 406 `NOT_ACCEPTABLE` for a well-formed date before
 * the first version, 406 `INVALID_VERSION_DATE` for anything else that names no usable version.
 * Results are memoised per operation and header value (bounded).
 *
 * @example
 * negotiateVersion(OPERATIONS.listGroupClusters, 'application/vnd.atlas.2025-03-12+json') // '2024-08-05'
 */
export function negotiateVersion(operation: Pick<Operation, 'versions'>, accept: string | undefined): ApiVersion {
  const key = accept ?? '';
  let cache = memo.get(operation);
  if (!cache) {
    cache = new Map();
    memo.set(operation, cache);
  }
  let outcome = cache.get(key);
  if (outcome === undefined) {
    try {
      outcome = negotiate(operation, accept);
    } catch (error) {
      outcome = error as Error;
    }
    if (cache.size < MEMO_LIMIT) cache.set(key, outcome);
  }
  if (outcome instanceof Error) throw outcome;
  return outcome;
}
