import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createEntry } from '../cache/entry.js';
import { pickEncoding } from './accept-encoding.js';
import { renderBody } from './render-body.js';
import { createRendered, encodedBytes } from './rendered-cache.js';

const list = { pageNum: 2, itemsPerPage: 2, includeCount: true, pretty: false, envelope: false };
const snapshot = createEntry('snapshot', { results: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }] }, 0);
const base = {
  path: '/api/atlas/v2/groups',
  search: 'itemsPerPage=2&pageNum=2',
  origin: 'http://proxy',
  upstreamOrigin: 'https://cloud.mongodb.com',
};

describe('rendering', () => {
  it('slices a snapshot into the page asked for, with links and totalCount', () => {
    const body = JSON.parse(renderBody({ entry: snapshot, shape: 'list', flags: list, list, ...base })) as Record<
      string,
      unknown
    >;
    expect(body.results).toEqual([{ id: 3 }, { id: 4 }]);
    expect(body.totalCount).toBe(5);
    expect(body.links).toEqual([
      { href: 'http://proxy/api/atlas/v2/groups?itemsPerPage=2&pageNum=2', rel: 'self' },
      { href: 'http://proxy/api/atlas/v2/groups?itemsPerPage=2&pageNum=3', rel: 'next' },
      { href: 'http://proxy/api/atlas/v2/groups?itemsPerPage=2&pageNum=1', rel: 'previous' },
    ]);
  });

  it('applies includeCount=false, envelope and pretty', () => {
    const flags = { ...list, includeCount: false, envelope: true, pretty: true };
    const text = renderBody({ entry: snapshot, shape: 'list', flags, list: flags, ...base });
    expect(text).toContain('\n  "status": 200');
    expect(JSON.parse(text)).not.toHaveProperty('totalCount');
    const resource = createEntry(
      'doc',
      { id: 'x', links: [{ href: 'https://cloud.mongodb.com/api/atlas/v2/x', rel: 'self' }] },
      0,
    );
    const wrapped = renderBody({ entry: resource, shape: 'resource', flags: { pretty: false, envelope: true }, ...base });
    expect(wrapped).toBe('{"status":200,"content":{"id":"x","links":[{"href":"http://proxy/api/atlas/v2/x","rel":"self"}]}}');
  });

  it('compresses once per body and negotiates the encoding', () => {
    const body = createRendered(JSON.stringify({ results: Array.from({ length: 200 }, (_, i) => ({ id: i })) }));
    const gz = encodedBytes(body, 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(encodedBytes(body, 'gzip').bytes).toBe(gz.bytes);
    expect(gunzipSync(gz.bytes).toString()).toBe(Buffer.from(body.identity).toString());
    expect(encodedBytes(createRendered('{}'), 'br').encoding).toBe('identity');
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip;q=1, br;q=0')).toBe('gzip');
    expect(pickEncoding(undefined)).toBe('identity');
  });
});
