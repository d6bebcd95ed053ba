import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { none } from '@atlas-checkpoints/core';
import { createMemoryStore } from '../cache/memory-store.js';
import { createRedisStore } from '../cache/redis-store.js';
import type { CacheStore } from '../cache/store.js';
import { startServer, type RunningProxyServer } from '../server/start-server.js';
import { POLICY, startHarness, type Harness } from '../test-helpers/setup.js';
import { createProxy } from './create-proxy.js';
import { logLines } from '../test-helpers/log-lines.js';

const V2 = '/api/atlas/v2';
let h: Harness | undefined;
const servers: RunningProxyServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close(0);
  await h?.close();
  h = undefined;
});

/**
 * The proxy served two ways: `fast` as the bin serves it (`startServer(proxy)`: the hit path on
 * Node's objects first), counting the requests it hands on to the full path; `full` through the
 * fetch handler alone.
 */
async function serveBoth(harness: Harness) {
  const counts = { handedOn: 0 };
  const nodeHit = harness.proxy.nodeHit;
  if (!nodeHit) throw new Error('the proxy has no node hit path');
  const fast = await startServer(
    {
      fetch: harness.proxy.fetch,
      refused: harness.proxy.refused,
      nodeHit: (incoming, outgoing, next) =>
        nodeHit(incoming, outgoing, () => {
          counts.handedOn += 1;
          next();
        }),
    },
    { port: 0, host: '127.0.0.1' },
  );
  const full = await startServer(harness.proxy.fetch, { port: 0, host: '127.0.0.1' });
  servers.push(fast, full);
  return { fast, full, counts };
}

const raw = async (url: string, init: { method?: 'GET' | 'HEAD' | 'POST'; headers?: Record<string, string> } = {}) => {
  const res = await request(url, { method: init.method ?? 'GET', headers: init.headers ?? {} });
  return { status: res.statusCode, headers: res.headers, body: Buffer.from(await res.body.arrayBuffer()) };
};

/** The headers that must match between two answers: all but the clock's and the request's own. */
const comparable = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !['date', 'age', 'x-request-id'].includes(name)));

describe('the hit path on Node’s own request and response', () => {
  it('answers a repeated request byte for byte as the full path does: identity, gzip, br, HEAD and 304', async () => {
    h = await startHarness();
    const { fast, full, counts } = await serveBoth(h);
    const path = `${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints?itemsPerPage=5&pageNum=2`;
    const first = await raw(`${fast.url}${path}`);
    expect(first.status).toBe(200);
    expect(counts.handedOn).toBe(1);
    const etag = String(first.headers.etag);
    const cases: Array<{ method?: 'GET' | 'HEAD'; headers?: Record<string, string> }> = [
      {},
      { headers: { 'accept-encoding': 'gzip' } },
      { headers: { 'accept-encoding': 'br, gzip' } },
      { method: 'HEAD' },
      { headers: { 'if-none-match': etag } },
    ];
    for (const init of cases) {
      // Each variant once through the full path (so its alias exists), then both ways.
      await raw(`${fast.url}${path}`, init);
      const handedOn = counts.handedOn;
      const fastHit = await raw(`${fast.url}${path}`, init);
      // Links are rebased on the Host: the full path is asked for the same one.
      const fullHit = await raw(`${full.url}${path}`, { ...init, headers: { ...init.headers, host: new URL(fast.url).host } });
      expect(counts.handedOn, JSON.stringify(init)).toBe(handedOn);
      expect(fastHit.status).toBe(fullHit.status);
      expect(comparable(fastHit.headers)).toEqual(comparable(fullHit.headers));
      expect(fastHit.body.equals(fullHit.body)).toBe(true);
      expect(fastHit.headers['cache-status']).toMatch(/; hit/);
    }
    const head = await raw(`${fast.url}${path}`, { method: 'HEAD' });
    expect(head.headers['content-length']).toBe(String(first.body.byteLength));
    expect(head.body.byteLength).toBe(0);
    const notModified = await raw(`${fast.url}${path}`, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers['content-length']).toBeUndefined();
  });

  it('writes the access line and metrics of a hit, with the caller’s request id or a new one', async () => {
    const { lines, logger } = logLines();
    h = await startHarness({ logger });
    const { fast, counts } = await serveBoth(h);
    const path = `${V2}/groups/${h.groupId}/clusters`;
    await raw(`${fast.url}${path}`);
    const mine = await raw(`${fast.url}${path}`, { headers: { 'x-request-id': 'trace-me-7' } });
    const theirs = await raw(`${fast.url}${path}`);
    expect(counts.handedOn).toBe(1);
    expect(mine.headers['x-request-id']).toBe('trace-me-7');
    expect(theirs.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    logger.flush();
    const access = lines.filter((line) => line.msg === 'request');
    expect(access.map(({ route, status, cache }) => ({ route, status, cache }))).toEqual([
      { route: 'listGroupClusters', status: 200, cache: 'miss' },
      { route: 'listGroupClusters', status: 200, cache: 'hit' },
      { route: 'listGroupClusters', status: 200, cache: 'hit' },
    ]);
    expect(access[1]).toMatchObject({ reqId: 'trace-me-7', method: 'GET', path });
    expect(access[2]?.reqId).toBe(theirs.headers['x-request-id']);
    const metrics = await (await h.proxy.request('/metrics')).text();
    expect(metrics).toMatch(/atlas_proxy_requests_total\{route="listGroupClusters",status="200"\} 3/);
  });

  it('hands on what it does not answer: another method, an absolute target, an odd Host, a request not seen before', async () => {
    h = await startHarness();
    const { fast, counts } = await serveBoth(h);
    const path = `${V2}/groups/${h.groupId}/clusters`;
    await raw(`${fast.url}${path}`);
    const before = counts.handedOn;
    expect((await raw(`${fast.url}${path}`, { method: 'POST' })).status).toBe(405);
    const otherHost = await raw(`${fast.url}${path}`, {
      headers: { host: new URL(fast.url).host.replace('127.0.0.1', 'localhost') },
    });
    expect(otherHost.status).toBe(200);
    expect((await raw(`${fast.url}${path}?pageNum=2`)).status).toBe(200);
    expect(counts.handedOn - before).toBe(3);
  });

  it('takes a Host in any case as the lower-case one (RFC 9110 §7.2), on both paths', async () => {
    h = await startHarness();
    const { fast, counts } = await serveBoth(h);
    const path = `${V2}/groups/${h.groupId}/clusters`;
    const upper = new URL(fast.url).host.replace('127.0.0.1', 'LocalHost');
    const first = await raw(`${fast.url}${path}`, { headers: { host: upper } });
    expect(first.status).toBe(200);
    expect(first.body.toString()).toContain(`http://${upper.toLowerCase()}/`);
    const handedOn = counts.handedOn;
    const again = await raw(`${fast.url}${path}`, { headers: { host: upper.toLowerCase() } });
    expect(again.body.equals(first.body)).toBe(true);
    expect(counts.handedOn).toBe(handedOn);
  });

  it('answers a Host that is no URL authority with core’s INVALID_HOST_HEADER 400, logged and counted', async () => {
    const { lines, logger } = logLines();
    h = await startHarness({ logger });
    const { fast } = await serveBoth(h);
    const refused = await raw(`${fast.url}${V2}/groups`, { headers: { host: 'a:99999', 'x-request-id': 'bad-host-1' } });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body.toString())).toMatchObject({ error: 400, errorCode: 'INVALID_HOST_HEADER' });
    expect(refused.headers['x-request-id']).toBe('bad-host-1');
    logger.flush();
    expect(lines.filter((line) => line.msg === 'request')).toMatchObject([
      { reqId: 'bad-host-1', route: 'unmatched', status: 400, cache: 'none', path: `${V2}/groups` },
    ]);
    const metrics = await (await h.proxy.request('/metrics')).text();
    expect(metrics).toMatch(/atlas_proxy_requests_total\{route="unmatched",status="400"\} 1/);
  });

  it('answers an HTTP/1.1 request with no Host Atlas-shaped, with its request id', async () => {
    h = await startHarness();
    const { fast } = await serveBoth(h);
    const socket = connect(Number(new URL(fast.url).port), '127.0.0.1');
    socket.end(`GET ${V2}/groups HTTP/1.1\r\nX-Request-Id: no-host-1\r\nConnection: close\r\n\r\n`);
    let reply = '';
    for await (const chunk of socket) reply += String(chunk);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply.toLowerCase()).toContain('x-request-id: no-host-1');
    expect(reply).toContain('"errorCode":"INVALID_REQUEST"');
  });

  it('leaves a hit that waited on the store to the full path when draining began meanwhile', async () => {
    const memory = createMemoryStore({ maxBytes: 8 * 1024 * 1024 });
    let gate: Promise<void> | undefined;
    // A store without `peek` (like Redis): every read waits on `get`, held here while `gate` is set.
    let reads = 0;
    const store: CacheStore = { ...memory };
    delete store.peek;
    store.get = async (key) => {
      reads += 1;
      await gate;
      return memory.get(key);
    };
    h = await startHarness({}, {}, store);
    const { fast, counts } = await serveBoth(h);
    const path = `${V2}/groups/${h.groupId}/clusters`;
    await raw(`${fast.url}${path}`);
    let open!: () => void;
    gate = new Promise<void>((resolve) => (open = resolve));
    const handedOn = counts.handedOn;
    const readsBefore = reads;
    const pending = raw(`${fast.url}${path}`);
    await expect.poll(() => reads).toBeGreaterThan(readsBefore);
    h.proxy.startDraining();
    open();
    gate = undefined;
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('close');
    expect(counts.handedOn).toBe(handedOn + 1);
  });

  it('leaves every answer to the full path while draining, so each asks its connection to close', async () => {
    h = await startHarness();
    const { fast, counts } = await serveBoth(h);
    const path = `${V2}/groups/${h.groupId}/clusters`;
    await raw(`${fast.url}${path}`);
    h.proxy.startDraining();
    const before = counts.handedOn;
    const draining = await raw(`${fast.url}${path}`);
    expect(draining.status).toBe(200);
    expect(draining.headers.connection).toBe('close');
    expect(counts.handedOn).toBe(before + 1);
  });

  it('answers a Redis hit once the store has it (no second lookup through the full path)', async () => {
    const store = createRedisStore({ url: 'redis://127.0.0.1:6379', keyPrefix: `node-hit-${randomUUID()}:`, localMaxBytes: 0 });
    h = await startHarness({}, {}, store);
    const { fast, counts } = await serveBoth(h);
    const path = `${V2}/groups/${h.groupId}/clusters`;
    // The entry reaches Redis after the first answer: ask until the full path answers a hit.
    let first = await raw(`${fast.url}${path}`);
    for (let i = 0; i < 20 && !/; hit/.test(String(first.headers['cache-status'])); i += 1)
      first = await raw(`${fast.url}${path}`);
    expect(first.headers['cache-status']).toMatch(/; hit/);
    const handedOn = counts.handedOn;
    const again = await raw(`${fast.url}${path}`);
    expect(counts.handedOn).toBe(handedOn);
    expect(again.body.equals(first.body)).toBe(true);
    expect(again.headers['cache-status']).toMatch(/; hit/);
    await store.deleteMatching('*');
  });

  it('is not used with a tracer: every request gets its span on the full path', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    h = await startHarness();
    const traced = createProxy({
      upstreamUrl: h.upstream.url,
      upstreamAuth: none(),
      authMode: 'proxy',
      store: createMemoryStore({ maxBytes: 1024 * 1024 }),
      policy: POLICY,
      tracer: provider.getTracer('test'),
    });
    expect(traced.nodeHit).toBeUndefined();
    expect(h.proxy.nodeHit).toBeTypeOf('function');
    await traced.close();
  });
});
