import { describe, expect, it } from 'vitest';
import { defineOperation } from './operation.js';
import { OPERATIONS } from './operations.js';
import { RESOURCE_QUERY } from './query-parameters.js';
import { parseQuery } from './parse-query.js';
import { rebaseLinks } from './links.js';
import { listPage, renderBody } from './render.js';

const op = OPERATIONS.listGroupClusterBackupCheckpoints;
const pathValues = { groupId: 'a'.repeat(24), clusterName: 'Cluster-0' };
const items = Array.from({ length: 25 }, (_, i) => ({ id: i }));
const page = (search: string) =>
  listPage(items, { origin: 'http://h', operation: op, pathValues, query: parseQuery(op, search) });
const base = `http://h/api/atlas/v2/groups/${'a'.repeat(24)}/clusters/Cluster-0/backupCheckpoints`;

describe('rendering a list page', () => {
  it('slices the page, counts the whole list and links self, next and previous with the normalised query', () => {
    const doc = page('pageNum=2&itemsPerPage=10&pretty=TRUE&utm=x');
    expect(doc.results.map((r) => r.id)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(doc.totalCount).toBe(25);
    expect(doc.links).toEqual([
      { href: `${base}?pretty=true&itemsPerPage=10&pageNum=2`, rel: 'self' },
      { href: `${base}?pretty=true&itemsPerPage=10&pageNum=3`, rel: 'next' },
      { href: `${base}?pretty=true&itemsPerPage=10&pageNum=1`, rel: 'previous' },
    ]);
  });

  it('omits totalCount with includeCount=false, and answers an empty page past the end', () => {
    const doc = page('includeCount=false&pageNum=9');
    expect(doc).not.toHaveProperty('totalCount');
    expect(doc.results).toEqual([]);
    expect(doc.links.map((l) => l.rel)).toEqual(['self', 'previous']);
    expect(doc.links[0]?.href).toBe(`${base}?includeCount=false&itemsPerPage=100&pageNum=9`);
  });

  it('serves a list the operation does not page whole, linking only itself', () => {
    const unpaged = defineOperation({ ...op, operationId: 'listUnpaged', query: RESOURCE_QUERY });
    const many = Array.from({ length: 250 }, (_, i) => ({ id: i }));
    const doc = listPage(many, {
      origin: 'http://h',
      operation: unpaged,
      pathValues,
      query: parseQuery(unpaged, 'pretty=true&pageNum=3'),
    });
    expect(doc.results).toHaveLength(250);
    expect(doc.totalCount).toBe(250);
    expect(doc.links).toEqual([{ href: `${base}?pretty=true`, rel: 'self' }]);
  });

  it('wraps with envelope (lists gain status, a resource becomes { status, content }) and indents with pretty', () => {
    expect(renderBody({ results: [] }, 'list', { pretty: false, envelope: true })).toBe('{"results":[],"status":200}');
    expect(renderBody({ id: 'x' }, 'resource', { pretty: false, envelope: true })).toBe('{"status":200,"content":{"id":"x"}}');
    expect(renderBody({ id: 'x' }, 'resource', { pretty: true, envelope: false })).toBe('{\n  "id": "x"\n}');
  });

  it('rebases links with JSON escaping on both sides', () => {
    const text = JSON.stringify({ links: [{ href: 'https://up/api/x' }, { href: 'https://upstream/api/y' }] });
    const rebased = rebaseLinks(text, 'https://up', 'http://a"b\\c');
    expect(JSON.parse(rebased)).toEqual({ links: [{ href: 'http://a"b\\c/api/x' }, { href: 'https://upstream/api/y' }] });
  });
});
