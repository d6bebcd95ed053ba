import { describe, expect, it } from 'vitest';
import { isProxyApiError } from './api-error.js';
import { checkAccept } from './accept.js';
import { checkPath, parseListQuery, parseResourceQuery } from './params.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return isProxyApiError(error) ? `${error.status} ${error.body.errorCode}` : 'other';
  }
}

describe('request validation', () => {
  it('applies Atlas defaults', () => {
    expect(parseListQuery('')).toEqual({ pageNum: 1, itemsPerPage: 100, includeCount: true, pretty: false, envelope: false });
    expect(parseListQuery('pageNum=3&itemsPerPage=500&includeCount=false&pretty=true&envelope=true')).toEqual({
      pageNum: 3,
      itemsPerPage: 500,
      includeCount: false,
      pretty: true,
      envelope: true,
    });
    expect(parseResourceQuery('envelope=true')).toEqual({ pretty: false, envelope: true });
  });

  it('rejects bad numbers, booleans, unknown and repeated parameters with Atlas codes', () => {
    expect(codeOf(() => parseListQuery('itemsPerPage=501'))).toBe('400 INVALID_ITEMS_PER_PAGE');
    expect(codeOf(() => parseListQuery('itemsPerPage=0'))).toBe('400 INVALID_ITEMS_PER_PAGE');
    expect(codeOf(() => parseListQuery('pageNum=0'))).toBe('400 VALIDATION_ERROR');
    expect(codeOf(() => parseListQuery('pageNum=1e3'))).toBe('400 VALIDATION_ERROR');
    expect(codeOf(() => parseListQuery('pretty=yes'))).toBe('400 VALIDATION_ERROR');
    expect(codeOf(() => parseListQuery('foo=1'))).toBe('400 VALIDATION_ERROR');
    expect(codeOf(() => parseListQuery('pageNum=1&pageNum=2'))).toBe('400 VALIDATION_ERROR');
    expect(codeOf(() => parseResourceQuery('pageNum=1'))).toBe('400 VALIDATION_ERROR');
    expect(codeOf(() => parseListQuery(`pretty=${'x'.repeat(5000)}`))).toBe('400 VALIDATION_ERROR');
  });

  it('validates path parameters with core’s validators', () => {
    expect(
      codeOf(() => checkPath({ groupId: 'a'.repeat(24), clusterName: 'Cluster-0', checkpointId: 'b'.repeat(24) })),
    ).toBeUndefined();
    expect(codeOf(() => checkPath({ groupId: 'A'.repeat(24) }))).toBe('400 INVALID_ATTRIBUTE');
    expect(codeOf(() => checkPath({ clusterName: '-x' }))).toBe('400 INVALID_ATTRIBUTE');
    expect(codeOf(() => checkPath({ checkpointId: '123' }))).toBe('400 INVALID_ATTRIBUTE');
  });

  it('accepts the 2023-01-01 media type and generic JSON, 406 for other versions', () => {
    expect(codeOf(() => checkAccept(undefined))).toBeUndefined();
    expect(codeOf(() => checkAccept('application/json'))).toBeUndefined();
    expect(codeOf(() => checkAccept('application/vnd.atlas.2023-01-01+json'))).toBeUndefined();
    expect(codeOf(() => checkAccept('application/vnd.atlas.2024-08-05+json'))).toBe('406 NOT_ACCEPTABLE');
    expect(codeOf(() => checkAccept('application/vnd.atlas.nope+json'))).toBe('406 INVALID_VERSION_DATE');
  });
});
