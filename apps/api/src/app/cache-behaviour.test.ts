import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const V2 = '/api/atlas/v2';
const upstreamCalls = (harness: Harness, route?: string) =>
  harness.fake.requests().filter((r) => route === undefined || r.route === route).length;

describe('caching proxy over real sockets', () => {
  it('serves a checkpoint list like Atlas, with links at the proxy origin', async () => {
    h = await startHarness();
    const res = await h.fetch(
      `${h.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints?itemsPerPage=50&pageNum=2`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    expect(res.headers.get('cache-status')).toMatch(/^atlas-checkpoints-proxy; fwd=miss; stored; ttl=60$/);
    const body = (await res.json()) as {
      results: Array<{ id: string; links: Array<{ href: string }> }>;
      totalCount: number;
      links: Array<{ rel: string; href: string }>;
    };
    expect(body.totalCount).toBe(120);
    expect(body.results).toHaveLength(50);
    expect(body.links.map((l) => l.rel)).toEqual(['self', 'next', 'previous']);
    for (const link of [...body.links, ...body.results.flatMap((r) => r.links)]) expect(link.href.startsWith(h.url)).toBe(true);
    expect(JSON.stringify(body)).not.toContain(h.upstream.url);
  });

  it('serves every page of a list from one snapshot fetched at 500 per page', async () => {
    h = await startHarness();
    const base = `${h.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints`;
    const ids: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const body = (await (await h.fetch(`${base}?itemsPerPage=50&pageNum=${page}`)).json()) as {
        results: Array<{ id: string }>;
      };
      ids.push(...body.results.map((r) => r.id));
    }
    const calls = h.fake.requests().filter((r) => r.route === 'listGroupClusterBackupCheckpoints');
    expect(calls.map((r) => r.query.itemsPerPage)).toEqual(['500']);
    const direct = (await (
      await fetch(`${h.upstream.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints?itemsPerPage=500`)
    ).json()) as { results: Array<{ id: string }> };
    expect(ids).toEqual(direct.results.map((r) => r.id));
  });

  it('answers 304 for a matching If-None-Match, with the ETag, Age and Vary', async () => {
    h = await startHarness();
    const url = `${h.url}${V2}/groups`;
    const first = await h.fetch(url);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    h.clock.advance(3_000);
    const second = await h.fetch(url, { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(304);
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('age')).toBe('3');
    expect(second.headers.get('vary')).toBe('Accept, Accept-Encoding');
    expect(second.headers.get('cache-status')).toBe('atlas-checkpoints-proxy; hit; ttl=57');
  });

  it("serves a fresh copy whatever the request's own Cache-Control asks (no-cache, max-age=0, no-store)", async () => {
    // Documented choice (api README, Caching): a caller cannot turn requests into upstream calls
    // against Atlas's rate limit; POST /admin/purge drops entries.
    h = await startHarness();
    const url = `${h.url}${V2}/groups`;
    await h.fetch(url);
    for (const directive of ['no-cache', 'max-age=0', 'no-store', 'no-cache, no-store, must-revalidate']) {
      const res = await h.fetch(url, { headers: { 'cache-control': directive, pragma: 'no-cache' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-status')).toMatch(/; hit; ttl=/);
    }
    expect(upstreamCalls(h, 'listGroups')).toBe(1);
  });

  it('is fresh for the TTL, then serves stale while one background refresh runs', async () => {
    h = await startHarness({}, { latencyMs: 150 });
    const url = `${h.url}${V2}/groups/${h.groupId}/clusters`;
    await h.fetch(url);
    h.clock.advance(59_000);
    expect((await h.fetch(url)).headers.get('cache-status')).toContain('; hit; ttl=1');
    expect(upstreamCalls(h, 'listGroupClusters')).toBe(1);
    h.clock.advance(2_000);
    const stale = await Promise.all([h.fetch(url), h.fetch(url), h.fetch(url)]);
    for (const res of stale) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-status')).toContain('detail=stale-while-revalidate');
    }
    await expect.poll(() => upstreamCalls(h as Harness, 'listGroupClusters')).toBe(2);
    await expect.poll(async () => (await (h as Harness).fetch(url)).headers.get('cache-status')).toMatch(/; hit; ttl=60$/);
  });

  it('serves stale-if-error when upstream is stopped, and 502 once past it', async () => {
    h = await startHarness();
    const url = `${h.url}${V2}/groups/${h.groupId}/clusters`;
    const fresh = await (await h.fetch(url)).text();
    await h.upstream.close();
    h.clock.advance(60_000 + 300_000 + 1_000);
    const stale = await h.fetch(url);
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(fresh);
    expect(stale.headers.get('cache-status')).toContain('fwd=stale');
    expect(stale.headers.get('cache-status')).toContain('detail=stale-if-error');
    h.clock.advance(86_400_000);
    const gone = await h.fetch(url);
    expect(gone.status).toBe(502);
    expect(gone.headers.get('x-error-code')).toBe('BAD_GATEWAY');
    expect(gone.headers.get('content-type')).toBe('application/json');
  });

  it('serves stale on an upstream 429, and relays the 429 with Retry-After when nothing is cached', async () => {
    h = await startHarness();
    const checkpoint = h.checkpointIds[0];
    const url = `${h.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints/${checkpoint}`;
    h.fake.faults.rateLimitNext(1);
    const limited = await h.fetch(url);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited.json()) as { errorCode: string }).errorCode).toBe('RATE_LIMITED');
    // The Retry-After (1 s) is honoured: only the wall clock moves (the proxy's upstream gate reads it).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 1_001 });
    try {
      expect((await h.fetch(url)).status).toBe(200);
      h.clock.advance(60_000 + 300_000 + 1);
      h.fake.faults.rateLimitNext(1);
      const stale = await h.fetch(url);
      expect(stale.status).toBe(200);
      expect(stale.headers.get('cache-status')).toContain('fwd-status=429');
    } finally {
      vi.useRealTimers();
    }
  });

  it('makes exactly one upstream request for 200 concurrent identical misses', async () => {
    h = await startHarness({}, { latencyMs: 50 });
    const url = `${h.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints/${h.checkpointIds[3]}`;
    const harness = h;
    const responses = await Promise.all(Array.from({ length: 200 }, () => harness.fetch(url)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(upstreamCalls(h, 'getGroupClusterBackupCheckpoint')).toBe(1);
    expect(responses.filter((r) => r.headers.get('cache-status')?.includes('collapsed')).length).toBeGreaterThan(0);
    // The metric label uses RFC 9211's term, like the Cache-Status header.
    const metrics = await (await h.fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/^atlas_proxy_cache_events_total\{event="collapsed"\} [1-9]\d*$/m);
    expect(metrics).not.toContain('coalesced');
  });

  it('caches a 404 for the negative TTL only', async () => {
    h = await startHarness();
    const url = `${h.url}${V2}/groups/${'f'.repeat(24)}/clusters`;
    const first = await h.fetch(url);
    expect(first.status).toBe(404);
    expect(await first.text()).toMatch(
      /^\{"detail":".*","error":404,"errorCode":"GROUP_NOT_FOUND","parameters":\[\],"reason":"Not Found"\}$/,
    );
    await h.fetch(url);
    expect(upstreamCalls(h, 'listGroupClusters')).toBe(1);
    h.clock.advance(5_001);
    await h.fetch(url);
    expect(upstreamCalls(h, 'listGroupClusters')).toBe(2);
  });
});
