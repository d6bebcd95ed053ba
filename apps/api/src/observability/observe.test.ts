import { Writable } from 'node:stream';
import { none } from '@atlas-checkpoints/core';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { describe, expect, it } from 'vitest';
import { createProxy } from '../app/create-proxy.js';
import type { ProxyOptions } from '../app/options.js';
import { createMemoryStore } from '../cache/memory-store.js';
import { startServer } from '../server/start-server.js';
import { POLICY } from '../test-helpers/setup.js';
import { tokenEntry } from '../test-helpers/tokens.js';
import { createLogger } from './logger.js';
import { loggedPath, requestId } from './observe.js';

const fixtures = generateFixtures({ seed: 21, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 3 });
const groupId = fixtures.projects[0]?.group.id ?? '';
const clusters = `/api/atlas/v2/groups/${groupId}/clusters`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface AccessLine {
  msg: string;
  reqId: string;
  method: string;
  path: string;
  route: string;
  status: number;
  cache: string;
  ms: number;
}

function setup(overrides: Partial<ProxyOptions> = {}) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const fake = createFakeAtlas({ fixtures });
  const proxy = createProxy({
    upstreamUrl: fake.baseUrl,
    upstreamAuth: none(),
    upstreamFetch: async (input) => fake.fetch(input),
    authMode: 'proxy',
    tokens: [tokenEntry('grafana', 'caller-token-1', ['*'])],
    store: createMemoryStore({ maxBytes: 8 * 1024 * 1024 }),
    policy: POLICY,
    logger: createLogger({ level: 'info', destination }),
    ...overrides,
  });
  const access = () =>
    lines.map((line) => JSON.parse(line) as AccessLine & Record<string, unknown>).filter((line) => line.msg === 'request');
  return { proxy, lines, access, fake };
}

const as = (token: string, extra: Record<string, string> = {}) => ({ headers: { authorization: `Bearer ${token}`, ...extra } });

describe('the access log', () => {
  it('writes one line per request (miss, hit, 404, 401, operational), with id, route, status, cache result and duration', async () => {
    const { proxy, access } = setup();
    const miss = await proxy.request(clusters, as('caller-token-1', { 'x-request-id': 'trace-me-42' }));
    const hit = await proxy.request(clusters, as('caller-token-1'));
    const notFound = await proxy.request(`/api/atlas/v2/groups/${'f'.repeat(24)}/clusters`, as('caller-token-1'));
    const refused = await proxy.request(clusters, as('not-a-token'));
    await proxy.request('/healthz');
    await proxy.request('/nowhere');
    expect([miss.status, hit.status, notFound.status, refused.status]).toEqual([200, 200, 404, 401]);
    expect(miss.headers.get('x-request-id')).toBe('trace-me-42');
    expect(hit.headers.get('x-request-id')).toMatch(UUID);
    const lines = access();
    expect(lines.map(({ route, status, cache }) => ({ route, status, cache }))).toEqual([
      { route: 'listGroupClusters', status: 200, cache: 'miss' },
      { route: 'listGroupClusters', status: 200, cache: 'hit' },
      { route: 'listGroupClusters', status: 404, cache: 'miss' },
      { route: 'listGroupClusters', status: 401, cache: 'none' },
      { route: 'healthz', status: 200, cache: 'none' },
      { route: 'unmatched', status: 404, cache: 'none' },
    ]);
    expect(lines[0]).toMatchObject({ reqId: 'trace-me-42', method: 'GET', path: clusters, level: 30 });
    expect(lines[1]?.reqId).toBe(hit.headers.get('x-request-id'));
    for (const line of lines) expect(line.ms).toBeTypeOf('number');
    await proxy.close();
  });

  it('logs forwarded (Digest and anonymous) passthrough requests too, and never a credential', async () => {
    const { proxy, access, lines } = setup({ authMode: 'passthrough', tokens: undefined });
    const digest = 'Digest username="public-key", realm="MMS Public API", nonce="n", uri="/", response="secret-digest-response"';
    expect((await proxy.request(clusters, { headers: { authorization: digest } })).status).toBe(200);
    expect((await proxy.request(clusters)).status).toBe(200);
    await proxy.request(`${clusters}?access_token=leaked-in-url`, as('bearer-secret-token'));
    expect(access().map(({ route, cache }) => ({ route, cache }))).toEqual([
      { route: 'listGroupClusters', cache: 'bypass' },
      { route: 'listGroupClusters', cache: 'bypass' },
      { route: 'listGroupClusters', cache: 'miss' },
    ]);
    expect(access()[2]?.path).toBe(`${clusters}?[REDACTED]`);
    const all = lines.join('\n');
    for (const secret of ['secret-digest-response', 'leaked-in-url', 'bearer-secret-token']) expect(all).not.toContain(secret);
    await proxy.close();
  });

  it('sets X-Request-Id on a Node server with the hit path’s answer too', async () => {
    const { proxy, access } = setup();
    const server = await startServer(proxy, { port: 0, host: '127.0.0.1' });
    try {
      const url = `${server.url}${clusters}`;
      const first = await fetch(url, as('caller-token-1', { 'x-request-id': 'abc.123' }));
      const second = await fetch(url, as('caller-token-1', { 'x-request-id': 'has spaces in it' }));
      expect(first.headers.get('x-request-id')).toBe('abc.123');
      expect(second.headers.get('x-request-id')).toMatch(UUID);
      expect(second.headers.get('cache-status')).toContain('hit');
      expect(access().map((line) => [line.reqId, line.cache])).toEqual([
        ['abc.123', 'miss'],
        [second.headers.get('x-request-id'), 'hit'],
      ]);
    } finally {
      await server.close(100);
      await proxy.close();
    }
  });

  it('honours only safe request ids, and drops a query that looks like it holds a credential', () => {
    expect(requestId('0af7651916cd43dd8448eb211c80319c')).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(requestId('x'.repeat(129))).toMatch(UUID);
    expect(requestId('a"b')).toMatch(UUID);
    expect(requestId(undefined)).toMatch(UUID);
    expect(loggedPath('http://h/api/atlas/v2/groups?pageNum=2')).toBe('/api/atlas/v2/groups?pageNum=2');
    expect(loggedPath('http://h/api/atlas/v2/groups?apiKey=x')).toBe('/api/atlas/v2/groups?[REDACTED]');
    expect(loggedPath('/api/atlas/v2/groups?%74oken=x')).toBe('/api/atlas/v2/groups?[REDACTED]');
    expect(loggedPath('/api/atlas/v2/groups?p%61ssword=x&pageNum=2')).toBe('/api/atlas/v2/groups?[REDACTED]');
    expect(loggedPath('/api/atlas/v2/groups?t%6Fken=x%ZZ')).toBe('/api/atlas/v2/groups?[REDACTED]');
    expect(loggedPath('/api/atlas/v2/groups?name=caf%C3%A9')).toBe('/api/atlas/v2/groups?name=caf%C3%A9');
    for (const query of [
      'pwd=S',
      'pass=S',
      'bearer=S',
      'jwt=S',
      'otp=S',
      'cred=S',
      'sid=S',
      'private=S',
      'code=S',
      '%2574oken=S',
      'to+ken=S',
      'tok%00en=S',
    ])
      expect(loggedPath(`/api/atlas/v2/groups?${query}`), query).toBe('/api/atlas/v2/groups?[REDACTED]');
    expect(loggedPath('/api/atlas/v2/groups;token=S')).toBe('/api/atlas/v2/groups?[REDACTED]');
    expect(loggedPath('/api/atlas/v2/groups?pageNum=2&itemsPerPage=5')).toBe('/api/atlas/v2/groups?pageNum=2&itemsPerPage=5');
  });
});

describe('Prometheus metrics', () => {
  it('include the default process and runtime metrics and the served-request duration by route and cache result', async () => {
    const { proxy } = setup();
    await proxy.request(clusters, as('caller-token-1'));
    await proxy.request(clusters, as('caller-token-1'));
    const text = await (await proxy.request('/metrics')).text();
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
      'nodejs_version_info',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/^atlas_proxy_request_duration_seconds_count\{route="listGroupClusters",cache="miss"\} 1$/m);
    expect(text).toMatch(/^atlas_proxy_request_duration_seconds_count\{route="listGroupClusters",cache="hit"\} 1$/m);
    expect(text).toMatch(/^atlas_proxy_requests_total\{route="listGroupClusters",status="200"\} 2$/m);
    await proxy.close();
  });

  it('can require a bearer token, or live only on a port of its own', async () => {
    const guarded = setup({ metricsToken: 'metrics-secret' }).proxy;
    expect((await guarded.request('/metrics')).status).toBe(401);
    expect((await guarded.request('/metrics', as('wrong'))).status).toBe(401);
    expect((await guarded.request('/metrics', as('metrics-secret'))).status).toBe(200);
    const elsewhere = setup({ metricsOnMainPort: false }).proxy;
    expect((await elsewhere.request('/metrics')).status).toBe(404);
    await Promise.all([guarded.close(), elsewhere.close()]);
  });
});
