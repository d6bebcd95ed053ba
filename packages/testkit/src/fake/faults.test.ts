import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiKey, createAtlasClient, isResponseShapeError } from '@atlas-checkpoints/core';
import { generateFixtures } from '../fixtures/generate-fixtures.js';
import { createFakeAtlas } from './create-fake-atlas.js';
import type { RunningServer } from './listen.js';

const fixtures = generateFixtures({ seed: 1, projects: 2, clustersPerProject: 1, checkpointsPerCluster: 30 });
const fake = createFakeAtlas({ fixtures });
const groups = '/api/atlas/v2/groups';
let server: RunningServer;

beforeAll(async () => {
  server = await fake.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());
afterEach(() => {
  fake.faults.clear();
  vi.useRealTimers();
});

describe('fault injection', () => {
  it('fails the next N requests with a status, then recovers; the log records the fault', async () => {
    fake.clearRequests();
    fake.faults.failNext(2, { status: 503 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fake.fetch(groups)).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(fake.requests().map((r) => r.fault)).toEqual(['error', 'error', undefined]);
    fake.faults.failNext(1, { status: 500 });
    const body = (await (await fake.fetch(groups)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 500, errorCode: 'UNEXPECTED_ERROR', reason: 'Internal Server Error' });
  });

  it('targets faults at a route only', async () => {
    fake.faults.failNext(1, { status: 500, route: 'listGroupClusters' });
    expect((await fake.fetch(groups)).status).toBe(200);
    expect((await fake.fetch(`${groups}/${String(fixtures.projects[0]?.group.id)}/clusters`)).status).toBe(500);
    expect(fake.faults.pending()).toEqual([]);
  });

  it('answers a 429 burst with Retry-After and RateLimit headers', async () => {
    fake.faults.rateLimitNext(2, { retryAfterSeconds: 3 });
    const first = await fake.fetch(groups);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.headers.get('ratelimit-remaining')).toBe('0');
    expect(((await first.json()) as { errorCode: string }).errorCode).toBe('RATE_LIMITED');
    expect((await fake.fetch(groups)).status).toBe(429);
    expect((await fake.fetch(groups)).status).toBe(200);
  });

  it('limits with a token bucket on the injected clock', async () => {
    let now = 0;
    const limited = createFakeAtlas({ fixtures, rateLimit: { capacity: 2, refillPerSecond: 1 }, now: () => now });
    const a = await limited.fetch(groups);
    expect(a.headers.get('ratelimit-remaining')).toBe('1');
    expect((await limited.fetch(groups)).status).toBe(200);
    const denied = await limited.fetch(groups);
    expect(denied.status).toBe(429);
    expect(denied.headers.get('retry-after')).toBe('1');
    expect(denied.headers.get('ratelimit-limit')).toBe('2');
    now += 1000;
    expect((await limited.fetch(groups)).status).toBe(200);
  });

  it('sends malformed (non-JSON) and truncated bodies', async () => {
    fake.faults.malformedNext();
    const malformed = await fake.fetch(groups);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
    fake.faults.truncateNext();
    await expect((await fake.fetch(groups)).text()).rejects.toThrow(/terminated/);
    fake.faults.truncateNext();
    await expect(fetch(`${server.url}${groups}`).then((r) => r.text())).rejects.toThrow();
  });

  it('drops the connection: in-process fetch and real HTTP both fail like a network error', async () => {
    fake.faults.dropNext(2);
    await expect(fake.fetch(groups)).rejects.toThrow(/fetch failed/);
    await expect(fetch(`${server.url}${groups}`)).rejects.toThrow(/fetch failed/);
    expect((await fetch(`${server.url}${groups}`)).status).toBe(200);
  });

  it('delivers a slow body in chunks that still parses', async () => {
    fake.faults.slowBodyNext(1, { chunkDelayMs: 5, chunks: 3 });
    const response = await fetch(`${server.url}${groups}`);
    expect(((await response.json()) as { totalCount: number }).totalCount).toBe(2);
  });

  it('adds per-route latency (fake timers) and honours the abort signal', async () => {
    vi.useFakeTimers();
    fake.faults.setLatency({ listGroups: 1000 });
    let settled = false;
    const pending = fake.fetch(groups).then((r) => {
      settled = true;
      return r.status;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toBe(200);
    const controller = new AbortController();
    const aborted = fake.fetch(groups, { signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
  });

  it('a body fault is kept for the response it names, not spent on a Digest challenge', async () => {
    const guarded = createFakeAtlas({ fixtures, auth: { digest: [{ publicKey: 'pubkey', privateKey: 'private-key-1' }] } });
    guarded.faults.malformedNext();
    const client = createAtlasClient({
      baseUrl: guarded.baseUrl,
      fetch: guarded.fetch,
      auth: apiKey({ publicKey: 'pubkey', privateKey: 'private-key-1' }),
      retry: 0,
    });
    const error = await client.listProjects().catch((e: unknown) => e);
    expect(guarded.requests().map((r) => [r.status, r.fault])).toEqual([
      [401, undefined],
      [200, 'malformed'],
    ]);
    expect(isResponseShapeError(error)).toBe(true);
    expect(guarded.faults.pending()).toEqual([]);
  });

  it('rejects nonsense fault counts', () => {
    expect(() => fake.faults.failNext(0)).toThrow(RangeError);
  });
});
