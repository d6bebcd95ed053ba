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

async function get(url: string, host: string) {
  const response = await request(url, { headers: { host } });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

describe('the Host header is never trusted as configuration', () => {
  it('links use a valid Host; a Host that is not a valid host gets an Atlas-shaped 400 and no body built from it', async () => {
    h = await startHarness({}, {}, undefined, { listen: true });
    const url = `${h.server.url}/api/atlas/v2/groups`;
    const valid = await get(url, 'proxy.internal:9999');
    expect(valid.status).toBe(200);
    expect((JSON.parse(valid.text) as { links: Array<{ href: string }> }).links[0]?.href).toMatch(
      /^http:\/\/proxy\.internal:9999\//,
    );
    for (const host of ['a"b', 'a{b}', 'x.example"},{"rel"']) {
      const refused = await get(url, host);
      expect(refused.status, host).toBe(400);
      expect(JSON.parse(refused.text)).toMatchObject({ error: 400, errorCode: 'INVALID_HOST_HEADER' });
      expect(refused.text).not.toContain(host);
    }
  });

  it('with --public-url, links use it whatever valid Host, a new Host does not render the body again, an invalid one is still 400', async () => {
    h = await startHarness({ publicUrl: 'https://atlas-proxy.example.com' }, {}, undefined, { listen: true });
    const url = `${h.server.url}/api/atlas/v2/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints?itemsPerPage=5`;
    const first = await get(url, 'one.example');
    const renders = vi.mocked(renderEntry).mock.calls.length;
    for (const host of ['two.example', '10.0.0.7:8443', `${'x'.repeat(20)}.example:1`]) {
      const again = await get(url, host);
      expect(again.status).toBe(200);
      expect(again.text).toBe(first.text);
      expect(again.headers['cache-status']).toBe('atlas-checkpoints-proxy; hit; ttl=60');
    }
    expect(vi.mocked(renderEntry).mock.calls.length).toBe(renders);
    // RFC 9112 §3.2: an invalid Host is refused even when links would not use it.
    const refused = await get(url, 'a"b');
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toMatchObject({ error: 400, errorCode: 'INVALID_HOST_HEADER' });
    const body = JSON.parse(first.text) as { links: Array<{ href: string }>; results: Array<{ links: Array<{ href: string }> }> };
    for (const link of [...body.links, ...body.results.flatMap((r) => r.links)])
      expect(link.href.startsWith('https://atlas-proxy.example.com/api/atlas/v2/')).toBe(true);
  });
});
