import { request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderEntry } from '../render/render-body.js';
import type * as RenderBody from '../render/render-body.js';
import { startHarness, type Harness } from '../test-helpers/setup.js';

vi.mock('../render/render-body.js', async (importOriginal) => {
  const actual = await importOriginal<typeof RenderBody>();
  return { ...actual, renderEntry: vi.fn(actual.renderEntry) };
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const V2 = '/api/atlas/v2';

describe('the hit path over a real socket', () => {
  it('serves a variant rendered before without rendering it again, however the query is spelled', async () => {
    h = await startHarness({}, {}, undefined, { listen: true });
    const url = `${h.server.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints`;
    const first = await fetch(`${url}?itemsPerPage=10&pageNum=3`);
    const firstBody = await first.text();
    const renders = vi.mocked(renderEntry).mock.calls.length;
    for (const search of [
      'itemsPerPage=10&pageNum=3',
      'pageNum=3&itemsPerPage=10&utm=x',
      'pageNum=03&itemsPerPage=%2B10&includeCount=TRUE',
    ]) {
      const again = await fetch(`${url}?${search}`);
      expect(again.headers.get('cache-status'), search).toBe('atlas-checkpoints-proxy; hit; ttl=60');
      expect(await again.text()).toBe(firstBody);
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    }
    expect(vi.mocked(renderEntry).mock.calls.length).toBe(renders);
  });

  it('still negotiates Accept on a hit: each resolved version is its own variant', async () => {
    h = await startHarness({}, {}, undefined, { listen: true });
    const url = `${h.server.url}${V2}/groups/${h.groupId}/clusters`;
    expect((await fetch(url)).status).toBe(200);
    const early = await fetch(url, { headers: { accept: 'application/vnd.atlas.2022-01-01+json' } });
    expect(early.status).toBe(406);
    const newest = await fetch(url, { headers: { accept: 'application/vnd.atlas.2025-03-12+json' } });
    expect(newest.headers.get('content-type')).toBe('application/vnd.atlas.2024-08-05+json;charset=utf-8');
    expect((await fetch(url)).headers.get('content-type')).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
  });

  it('sends the stored gzip bytes, a 304 without Content-Length or body, and HEAD with the GET length', async () => {
    h = await startHarness({}, {}, undefined, { listen: true });
    const url = `${h.server.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints`;
    const full = await request(url, { headers: { 'accept-encoding': 'gzip' } });
    const gzipped = Buffer.from(await full.body.arrayBuffer());
    expect(full.headers['content-encoding']).toBe('gzip');
    const again = await request(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(Buffer.from(await again.body.arrayBuffer()).equals(gzipped)).toBe(true);
    const etag = String(full.headers.etag);
    const notModified = await request(url, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers['content-length']).toBeUndefined();
    expect(notModified.headers['content-encoding']).toBeUndefined();
    expect((await notModified.body.arrayBuffer()).byteLength).toBe(0);
    const identity = await request(url);
    const length = (await identity.body.arrayBuffer()).byteLength;
    const head = await request(url, { method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(length));
    await head.body.arrayBuffer();
  });

  it('gives the identity, gzip and br bytes their own strong ETag, each matched by If-None-Match', async () => {
    h = await startHarness({}, {}, undefined, { listen: true });
    const url = `${h.server.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints`;
    const tags = new Map<string, string>();
    for (const encoding of ['identity', 'gzip', 'br']) {
      const response = await request(url, { headers: { 'accept-encoding': encoding } });
      await response.body.arrayBuffer();
      expect(response.headers['content-encoding'] ?? 'identity').toBe(encoding);
      const etag = String(response.headers.etag);
      expect(etag).toMatch(/^"[^"]+"$/);
      tags.set(encoding, etag);
      const notModified = await request(url, { headers: { 'accept-encoding': encoding, 'if-none-match': etag } });
      await notModified.body.arrayBuffer();
      expect(notModified.statusCode).toBe(304);
      const weak = await request(url, { headers: { 'accept-encoding': encoding, 'if-none-match': `"x", W/${etag}` } });
      await weak.body.arrayBuffer();
      expect(weak.statusCode).toBe(304);
    }
    expect(new Set(tags.values()).size).toBe(3);
    const other = await request(url, { headers: { 'accept-encoding': 'gzip', 'if-none-match': tags.get('identity') ?? '' } });
    await other.body.arrayBuffer();
    expect(other.statusCode).toBe(200);
  });
});
