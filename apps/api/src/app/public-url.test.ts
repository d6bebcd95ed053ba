import { none } from '@atlas-checkpoints/core';
import { createFakeAtlas, generateFixtures } from '@atlas-checkpoints/testkit';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../cache/memory-store.js';
import { createProxy } from './create-proxy.js';
import { ProxyOptionsError, publicOrigin, type ProxyOptions } from './options.js';

const POLICY = { ttlMs: 60_000, staleWhileRevalidateMs: 300_000, staleIfErrorMs: 86_400_000, negativeTtlMs: 5_000 };

function proxyWith(publicUrl: string) {
  const fake = createFakeAtlas({
    fixtures: generateFixtures({ seed: 7, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 2 }),
  });
  const options: ProxyOptions = {
    upstreamUrl: fake.baseUrl,
    upstreamAuth: none(),
    upstreamFetch: async (input, init) => fake.fetch(input, init),
    authMode: 'proxy',
    store: createMemoryStore({ maxBytes: 1024 * 1024 }),
    policy: POLICY,
    publicUrl,
  };
  return createProxy(options);
}

describe('publicOrigin', () => {
  it.each([
    ['HTTPS://Proxy.Example.COM:443/', 'https://proxy.example.com'],
    ['http://proxy.example.com:80', 'http://proxy.example.com'],
    ['https://proxy.example.com:8443', 'https://proxy.example.com:8443'],
    ['http://[::1]:8080/', 'http://[::1]:8080'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('normalises %j to %j', (value, origin) => {
    expect(publicOrigin(value)).toBe(origin);
  });

  it('throws a ProxyOptionsError naming publicUrl, in one line', () => {
    let thrown: unknown;
    try {
      publicOrigin('https://proxy.example.com/api\nsecond line');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProxyOptionsError);
    expect(thrown).toMatchObject({ name: 'ProxyOptionsError', option: 'publicUrl' });
    expect((thrown as Error).message).toMatch(/^publicUrl must be an origin/);
    expect((thrown as Error).message).not.toContain('\n');
  });
});

describe('createProxy({ publicUrl })', () => {
  it.each([
    'https://proxy.example.com/api',
    'https://proxy.example.com/?x=1',
    'https://u:p@proxy.example.com',
    'ws://proxy.example.com',
  ])('refuses %j with a ProxyOptionsError before starting anything', (publicUrl) => {
    expect(() => proxyWith(publicUrl)).toThrow(ProxyOptionsError);
  });

  it('writes links with the normalised origin (lower-case host, no default port)', async () => {
    const proxy = proxyWith('HTTPS://Proxy.Example.COM:443/');
    try {
      const res = await proxy.request('/api/atlas/v2/groups');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { links: Array<{ href: string }> };
      expect(body.links.length).toBeGreaterThan(0);
      for (const link of body.links) expect(link.href).toMatch(/^https:\/\/proxy\.example\.com\/api\/atlas\/v2\/groups/);
    } finally {
      await proxy.close(0);
    }
  });
});
