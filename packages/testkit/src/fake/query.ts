import { atlasErrors } from './errors.js';

/** The validated list query: `pageNum` ≥ 1, `itemsPerPage` 1–500, booleans `true`/`false` only. */
export interface ListQuery {
  readonly pageNum: number;
  readonly itemsPerPage: number;
  readonly includeCount: boolean;
  readonly envelope: boolean;
  readonly pretty: boolean;
}

const INTEGER = /^[0-9]+$/;

function parseBoolean(params: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = params.get(name);
  if (value === null) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw atlasErrors.invalidQuery(name, 'must be true or false');
}

/**
 * Parses and validates the common query parameters, throwing Atlas's 400 errors.
 *
 * @example
 * parseListQuery(new URL('http://x/?pageNum=2&itemsPerPage=10').searchParams).pageNum; // 2
 */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const envelope = parseBoolean(params, 'envelope', false);
  const pretty = parseBoolean(params, 'pretty', false);
  const includeCount = parseBoolean(params, 'includeCount', true);
  const rawPage = params.get('pageNum');
  let pageNum = 1;
  if (rawPage !== null) {
    pageNum = INTEGER.test(rawPage) ? Number(rawPage) : Number.NaN;
    if (!Number.isSafeInteger(pageNum) || pageNum < 1)
      throw atlasErrors.invalidQuery('pageNum', 'must be an integer greater than or equal to 1');
  }
  const rawItems = params.get('itemsPerPage');
  let itemsPerPage = 100;
  if (rawItems !== null) {
    if (!INTEGER.test(rawItems)) throw atlasErrors.invalidQuery('itemsPerPage', 'must be an integer between 1 and 500');
    itemsPerPage = Number(rawItems);
    if (itemsPerPage < 1 || itemsPerPage > 500) throw atlasErrors.invalidItemsPerPage(rawItems);
  }
  return { pageNum, itemsPerPage, includeCount, envelope, pretty };
}

/** Parses only `envelope`/`pretty` (the single-resource endpoint). */
export function parseSingleQuery(params: URLSearchParams): Pick<ListQuery, 'envelope' | 'pretty'> {
  return { envelope: parseBoolean(params, 'envelope', false), pretty: parseBoolean(params, 'pretty', false) };
}
