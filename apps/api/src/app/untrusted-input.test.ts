import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';
import { tokenEntry } from '../test-helpers/tokens.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const V2 = '/api/atlas/v2';

/** Sends raw bytes to the proxy's socket and resolves with everything it answers before closing. */
function raw(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

/** A request with any method (fetch refuses TRACE), over a real socket. */
function methodRequest(url: string, method: string): Promise<{ status: number; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('what a caller sends is never trusted (real sockets)', () => {
  it('answers TRACE, PROPFIND and every other method on an Atlas path with 405, Atlas-shaped', async () => {
    h = await startHarness({}, {}, undefined, { listen: true });
    for (const method of ['TRACE', 'PROPFIND', 'POST', 'DELETE', 'OPTIONS', 'MKCOL']) {
      const res = await methodRequest(`${h.url}${V2}/groups/${h.groupId}/clusters`, method);
      expect({ method, status: res.status, allow: res.allow }).toEqual({ method, status: 405, allow: 'GET, HEAD' });
      expect(JSON.parse(res.body)).toMatchObject({ error: 405, errorCode: 'METHOD_NOT_ALLOWED' });
    }
    expect(h.fake.requests()).toHaveLength(0);
  });

  it("gives Node's own 400 and 431 an Atlas-shaped body", async () => {
    h = await startHarness({}, {}, undefined, { listen: true });
    const malformed = await raw(h.url, 'GET /api/atlas/v2/groups HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(malformed).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(malformed).toMatch(/\r\ncontent-type: application\/json\r\n/);
    expect(JSON.parse(malformed.slice(malformed.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: 400,
      errorCode: 'INVALID_REQUEST',
    });
    const huge = await raw(h.url, `GET /api/atlas/v2/groups HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: 431,
      errorCode: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
    });
  });

  it('enforces the purge body limit for a chunked body too', async () => {
    h = await startHarness({ adminToken: 'admin-secret' }, {}, undefined, { listen: true });
    const chunked = (size: number) =>
      fetch(`${(h as Harness).url}/admin/purge`, {
        method: 'POST',
        headers: { authorization: 'Bearer admin-secret', 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            const text = JSON.stringify({ groupId: (h as Harness).groupId, pad: 'x'.repeat(Math.max(0, size - 60)) });
            for (let i = 0; i < text.length; i += 1000) controller.enqueue(new TextEncoder().encode(text.slice(i, i + 1000)));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
    const big = await chunked(100_000);
    expect(big.status).toBe(413);
    expect(big.headers.get('x-error-code')).toBe('PAYLOAD_TOO_LARGE');
    await big.arrayBuffer();
    const small = await chunked(200);
    expect(small.status).toBe(200);
    expect(await small.json()).toEqual({ purged: 0 });
  });

  it('marks answers that depend on who asks Cache-Control: private (hits, misses, 304s and errors)', async () => {
    h = await startHarness({ tokens: [tokenEntry('ci', 'good-token', ['*'])] });
    const headers = { authorization: 'Bearer good-token' };
    const url = `${h.url}${V2}/groups/${h.groupId}/clusters`;
    const miss = await h.fetch(url, { headers });
    const hit = await h.fetch(url, { headers });
    const notModified = await h.fetch(url, { headers: { ...headers, 'if-none-match': hit.headers.get('etag') ?? '' } });
    const refused = await h.fetch(url);
    const hidden = await h.fetch(`${h.url}${V2}/groups/${'f'.repeat(24)}/clusters`, { headers });
    expect([miss, hit, notModified, refused, hidden].map((res) => [res.status, res.headers.get('cache-control')])).toEqual([
      [200, 'private'],
      [200, 'private'],
      [304, 'private'],
      [401, 'private'],
      [404, 'private'],
    ]);
  });

  it('in page mode, a restricted token sees the totalCount and links of its own projects, not the whole list', async () => {
    const probe = await startHarness();
    const [first, second] = probe.fake.fixtures.projects.map((p) => p.group.id);
    await probe.close();
    // Two projects, a snapshot limit of one: the projects list is served page by page.
    h = await startHarness({
      snapshotMaxItems: 1,
      tokens: [
        tokenEntry('one', 'token-one', [first ?? '']),
        tokenEntry('two', 'token-two', [first ?? '', second ?? '']),
        tokenEntry('all', 'token-all', ['*']),
      ],
    });
    const page = async (token: string, search: string) => {
      const res = await (h as Harness).fetch(`${(h as Harness).url}${V2}/groups${search}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { results: Array<{ id: string }>; totalCount: number; links: Array<{ rel: string }> };
    };
    const everything = await page('token-all', '?itemsPerPage=1');
    expect(everything.totalCount).toBe(2);
    expect(everything.links.map((link) => link.rel)).toContain('next');
    for (const search of ['', '?itemsPerPage=1', '?itemsPerPage=1&pageNum=2']) {
      const mine = await page('token-one', search);
      expect(mine.totalCount).toBe(1);
      expect(mine.links.map((link) => link.rel)).not.toContain('next');
      expect(mine.results.map((g) => g.id)).toEqual(search.endsWith('pageNum=2') ? [] : [first]);
    }
    // A view larger than the snapshot limit too is served page by page, filtered.
    expect((await page('token-two', '')).results.map((g) => g.id).sort()).toEqual([first, second].sort());
  });
});
