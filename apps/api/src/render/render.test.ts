import { gunzipSync } from 'node:zlib';
import { OPERATIONS, parseRequest } from '@atlas-checkpoints/core';
import { describe, expect, it } from 'vitest';
import { createEntry } from '../cache/entry.js';
import { pickEncoding } from './accept-encoding.js';
import { renderEntry } from './render-body.js';
import { createRendered, encodedBytes } from './rendered-cache.js';

const snapshot = createEntry('snapshot', { results: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }] }, 0);
const projects = (search: string) => parseRequest(OPERATIONS.listGroups, { pathValues: {}, search, accept: undefined });
const base = { origin: 'http://proxy', upstreamOrigin: 'https://cloud.mongodb.com' };

describe('rendering', () => {
  it('slices a snapshot into the page asked for, with links and totalCount', () => {
    const text = renderEntry({ entry: snapshot, request: projects('itemsPerPage=2&pageNum=2'), snapshot: true, ...base });
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body.results).toEqual([{ id: 3 }, { id: 4 }]);
    expect(body.totalCount).toBe(5);
    expect(body.links).toEqual([
      { href: 'http://proxy/api/atlas/v2/groups?itemsPerPage=2&pageNum=2', rel: 'self' },
      { href: 'http://proxy/api/atlas/v2/groups?itemsPerPage=2&pageNum=3', rel: 'next' },
      { href: 'http://proxy/api/atlas/v2/groups?itemsPerPage=2&pageNum=1', rel: 'previous' },
    ]);
  });

  it('applies includeCount=false, envelope and pretty', () => {
    const text = renderEntry({
      entry: snapshot,
      request: projects('itemsPerPage=2&includeCount=false&envelope=true&pretty=true'),
      snapshot: true,
      ...base,
    });
    expect(text).toContain('\n  "status": 200');
    expect(JSON.parse(text)).not.toHaveProperty('totalCount');
    const resource = createEntry(
      'doc',
      { id: 'x', links: [{ href: 'https://cloud.mongodb.com/api/atlas/v2/x', rel: 'self' }] },
      0,
    );
    const request = parseRequest(OPERATIONS.getGroupClusterBackupCheckpoint, {
      pathValues: { groupId: 'a'.repeat(24), clusterName: 'C0', checkpointId: 'b'.repeat(24) },
      search: 'envelope=true',
      accept: undefined,
    });
    const wrapped = renderEntry({ entry: resource, request, snapshot: false, ...base });
    expect(wrapped).toBe('{"status":200,"content":{"id":"x","links":[{"href":"http://proxy/api/atlas/v2/x","rel":"self"}]}}');
  });

  it('rebases upstream links onto an origin with JSON escaping, so the body stays JSON', () => {
    const resource = createEntry('doc', { links: [{ href: 'https://cloud.mongodb.com/api/atlas/v2/x', rel: 'self' }] }, 0);
    const request = projects('');
    const text = renderEntry({
      entry: resource,
      request,
      snapshot: false,
      origin: 'http://a"b',
      upstreamOrigin: base.upstreamOrigin,
    });
    expect(JSON.parse(text)).toEqual({ links: [{ href: 'http://a"b/api/atlas/v2/x', rel: 'self' }] });
  });

  it('compresses once per body, with one strong ETag per encoding, and negotiates the encoding', () => {
    const body = createRendered(JSON.stringify({ results: Array.from({ length: 200 }, (_, i) => ({ id: i })) }));
    const gz = encodedBytes(body, 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(encodedBytes(body, 'gzip').bytes).toBe(gz.bytes);
    expect(gunzipSync(gz.bytes).toString()).toBe(Buffer.from(body.identity).toString());
    expect(new Set(Object.values(body.etags)).size).toBe(3);
    for (const etag of Object.values(body.etags)) expect(etag).toMatch(/^"[\w.-]+"$/);
    expect(encodedBytes(createRendered('{}'), 'br').encoding).toBe('identity');
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip;q=1, br;q=0')).toBe('gzip');
    expect(pickEncoding(undefined)).toBe('identity');
  });
});
