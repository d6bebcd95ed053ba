import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCoordinator } from '../cache/coordinator.js';
import { createEntry, type CacheEntry } from '../cache/entry.js';
import { createMemoryStore } from '../cache/memory-store.js';
import type { CacheStore } from '../cache/store.js';
import { createDocCache } from '../render/doc-cache.js';
import { createRenderedCache } from '../render/rendered-cache.js';
import { OPERATIONS, parseRequest } from '@atlas-checkpoints/core';
import { answerResponse, createResponder, type Hit, type RequestFacts, type ServeSpec } from './respond.js';

const policy = { ttlMs: 10_000, staleWhileRevalidateMs: 0, staleIfErrorMs: 0, negativeTtlMs: 1_000 };
const items = Array.from({ length: 300 }, (_, i) => ({
  id: `${i}`.padStart(24, '0'),
  note: 'a checkpoint with some text to compress',
}));

function setup() {
  const store = createMemoryStore({ maxBytes: 1e7, now: () => 0 });
  const coordinator = createCoordinator({ store, policy, now: () => 0 });
  const rendered = createRenderedCache(1e7);
  const responder = createResponder({
    coordinator,
    rendered,
    docs: createDocCache(1024 * 1024),
    now: () => 0,
    upstreamOrigin: 'https://cloud.mongodb.com',
  });
  return { store, rendered, responder };
}

const facts = (search: string, encoding?: string): RequestFacts => ({
  origin: 'http://proxy',
  ifNoneMatch: undefined,
  acceptEncoding: encoding,
  head: false,
  variantBase: 'p0 http://proxy listGroups',
  variant: search === '' ? 'p0 http://proxy listGroups' : `p0 http://proxy listGroups?${search}`,
});
const checkpoint = parseRequest(OPERATIONS.getGroupClusterBackupCheckpoint, {
  pathValues: { groupId: 'a'.repeat(24), clusterName: 'C0', checkpointId: 'b'.repeat(24) },
  search: '',
  accept: undefined,
});
const docSpec = (entry: () => CacheEntry): ServeSpec => ({
  key: 'doc-key',
  fetcher: async () => entry(),
  request: checkpoint,
  snapshot: false,
});
const snapshotSpec = (list: { pageNum: number; itemsPerPage: number }): ServeSpec => ({
  key: 'snap-key',
  fetcher: async () => createEntry('snapshot', { results: items }, 0),
  request: parseRequest(OPERATIONS.listGroups, {
    pathValues: {},
    search: `pageNum=${list.pageNum}&itemsPerPage=${list.itemsPerPage}`,
    accept: undefined,
  }),
  snapshot: true,
});

const responseOf = (hit: Hit | undefined) => (hit ? answerResponse(hit.answer) : undefined);

describe('responder', () => {
  it('makes the gzip and brotli copies of a doc body when it is stored, before any compressed request', async () => {
    const { rendered, responder } = setup();
    await responder.respond(
      docSpec(() => createEntry('doc', { results: items }, 0)),
      facts(''),
    );
    const body = rendered.get(facts('').variant);
    expect(body?.gzip).toBeDefined();
    expect(body?.br).toBeDefined();
    const hit = responseOf(await responder.hit(facts('').variant, { ...facts('', 'gzip') }));
    expect(hit?.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await (hit as Response).arrayBuffer())).equals(Buffer.from(body?.identity ?? []))).toBe(true);
  });

  it('renders and compresses the default page when a snapshot is stored; other pages compress on first use', async () => {
    const { rendered, responder } = setup();
    const page2 = facts('itemsPerPage=100&pageNum=2');
    await responder.respond(snapshotSpec({ pageNum: 2, itemsPerPage: 100 }), page2);
    const first = rendered.get(page2.variantBase);
    expect(first?.gzip).toBeDefined();
    expect((JSON.parse(Buffer.from(first?.identity ?? []).toString()) as { results: Array<{ id: string }> }).results[0]?.id).toBe(
      items[0]?.id,
    );
    const second = rendered.get(page2.variant);
    expect(second?.gzip).toBeUndefined();
    await responder.hit(page2.variant, { ...page2, acceptEncoding: 'gzip' });
    expect(second?.gzip).toBeDefined();
    expect(second?.br).toBeUndefined();
  });

  it('serves a hit only while the stored entry is the one the body was rendered from', async () => {
    const { store, responder } = setup();
    const f = facts('');
    let version = 1;
    const spec = docSpec(() => createEntry('doc', { version }, 0));
    await responder.respond(spec, f);
    expect(await responseOf(await responder.hit(f.variant, f))?.json()).toEqual({ version: 1 });
    version = 2;
    await store.set('doc-key', createEntry('doc', { version: 2 }, 0), 10_000);
    expect(await responder.hit(f.variant, f)).toBeUndefined();
    expect(await (await responder.respond(spec, f)).response.json()).toEqual({ version: 2 });
    await store.deleteMatching('*');
    expect(await responder.hit(f.variant, f)).toBeUndefined();
  });

  it('answers 304 without a body, with the content type and deprecation of the version served', async () => {
    const { responder } = setup();
    const f = facts('');
    const first = (
      await responder.respond(
        docSpec(() => createEntry('doc', { results: items }, 0)),
        f,
      )
    ).response;
    const etag = first.headers.get('etag') ?? '';
    const length = (await first.arrayBuffer()).byteLength;
    const notModified = responseOf(await responder.hit(f.variant, { ...f, ifNoneMatch: etag }));
    expect(notModified?.status).toBe(304);
    expect(notModified?.body).toBeNull();
    expect(length).toBeGreaterThan(0);
    expect(notModified?.headers.get('cache-status')).toBe('atlas-checkpoints-proxy; hit; ttl=10');
    expect(notModified?.headers.get('etag')).toBe(etag);
    expect(first.headers.get('content-type')).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    expect(first.headers.get('deprecation')).toMatch(/^@\d+$/);
  });

  it('answers a memory hit synchronously, and through a promise when the store cannot peek', async () => {
    const { store, rendered, responder } = setup();
    const f = facts('');
    await responder.respond(
      docSpec(() => createEntry('doc', { ok: true }, 0)),
      f,
    );
    expect((responder.hit(f.variant, f) as Hit).answer.status).toBe(200);
    const withoutPeek: CacheStore = { ...store };
    delete withoutPeek.peek;
    const coordinator = createCoordinator({ store: withoutPeek, policy, now: () => 0 });
    const remote = createResponder({
      coordinator,
      rendered,
      docs: createDocCache(1024 * 1024),
      now: () => 0,
      upstreamOrigin: 'https://cloud.mongodb.com',
    });
    const pending = remote.hit(f.variant, f);
    expect(pending).toBeInstanceOf(Promise);
    expect((await pending)?.answer.status).toBe(200);
  });
});
