import { request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPath, parseListQuery } from '../http/params.js';
import type * as Params from '../http/params.js';
import { startHarness, type Harness } from '../test-helpers/setup.js';

vi.mock('../http/params.js', async (importOriginal) => {
  const actual = await importOriginal<typeof Params>();
  return { ...actual, parseListQuery: vi.fn(actual.parseListQuery), checkPath: vi.fn(actual.checkPath) };
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const V2 = '/api/atlas/v2';

describe('the hit path over a real socket', () => {
  it('serves a variant rendered before without parsing its query or re-validating its path', async () => {
    h = await startHarness();
    const url = `${h.server.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints?itemsPerPage=10&pageNum=3`;
    const first = await fetch(url);
    const firstBody = await first.text();
    const parsed = vi.mocked(parseListQuery).mock.calls.length;
    const checked = vi.mocked(checkPath).mock.calls.length;
    const second = await fetch(url);
    expect(second.headers.get('cache-status')).toBe('atlas-checkpoints-proxy; hit; ttl=60');
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(vi.mocked(parseListQuery).mock.calls.length).toBe(parsed);
    expect(vi.mocked(checkPath).mock.calls.length).toBe(checked);
  });

  it('still checks Accept on a hit', async () => {
    h = await startHarness();
    const url = `${h.server.url}${V2}/groups/${h.groupId}/clusters`;
    expect((await fetch(url)).status).toBe(200);
    const refused = await fetch(url, { headers: { accept: 'application/vnd.atlas.2099-01-01+json' } });
    expect(refused.status).toBe(406);
    expect((await fetch(url, { headers: { accept: 'application/vnd.atlas.2023-01-01+json' } })).status).toBe(200);
  });

  it('sends the stored gzip bytes, a 304 without Content-Length or body, and HEAD with the GET length', async () => {
    h = await startHarness();
    const url = `${h.server.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints`;
    const full = await request(url, { headers: { 'accept-encoding': 'gzip' } });
    const gzipped = Buffer.from(await full.body.arrayBuffer());
    expect(full.headers['content-encoding']).toBe('gzip');
    const again = await request(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(Buffer.from(await again.body.arrayBuffer()).equals(gzipped)).toBe(true);
    const etag = String(full.headers.etag);
    const notModified = await request(url, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
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
});
