import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';
import { startServer, type RunningProxyServer } from './start-server.js';
import { exchange, logLines } from '../test-helpers/log-lines.js';

const V2 = '/api/atlas/v2';
let h: Harness | undefined;
let extra: RunningProxyServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await extra?.close(0);
  extra = undefined;
  await h?.close();
  h = undefined;
});

/** The status lines of the responses in `reply`, in order. */
const statuses = (reply: string) => [...reply.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));

/** A proxy listening like the bin (`startServer(proxy)`), logging into `lines`. */
async function listening() {
  const { lines, logger } = logLines();
  h = await startHarness({ logger }, {}, undefined, { listen: true });
  const access = () => {
    logger.flush();
    return lines.filter((line) => line.msg === 'request');
  };
  return { h, access };
}

describe('the server edge: refusals', () => {
  it('answers a request with two Host field lines 400 Atlas-shaped, logged, counted, with its id (RFC 9112 §3.2)', async () => {
    const { h, access } = await listening();
    const port = new URL(h.server.url).port;
    const reply = await exchange(
      h.server.url,
      `GET ${V2}/groups HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nhost: evil.example\r\nX-Request-Id: two-hosts-1\r\n\r\n`,
    );
    expect(statuses(reply)).toEqual([400]);
    expect(reply.toLowerCase()).toContain('x-request-id: two-hosts-1');
    expect(reply.toLowerCase()).toContain('connection: close');
    expect(reply).toContain('"errorCode":"INVALID_REQUEST"');
    expect(reply).not.toContain('evil.example');
    expect(access()).toMatchObject([
      { reqId: 'two-hosts-1', route: 'unmatched', status: 400, cache: 'none', path: `${V2}/groups` },
    ]);
    expect(h.fake.requests()).toHaveLength(0);
    const metrics = await (await h.proxy.request('/metrics')).text();
    expect(metrics).toMatch(/atlas_proxy_requests_total\{route="unmatched",status="400"\} 1/);
  });

  it('answers CONNECT with the Atlas-shaped 405, logged and counted, and tunnels nothing (RFC 9110 §9.3.6)', async () => {
    const { h, access } = await listening();
    const reply = await exchange(
      h.server.url,
      `CONNECT cloud.mongodb.com:443 HTTP/1.1\r\nHost: cloud.mongodb.com:443\r\nX-Request-Id: tunnel-1\r\n\r\n`,
    );
    expect(statuses(reply)).toEqual([405]);
    const head = reply.toLowerCase();
    expect(head).toContain('allow: get, head');
    expect(head).toContain('x-request-id: tunnel-1');
    expect(head).toContain('connection: close');
    expect(reply).toContain('"errorCode":"METHOD_NOT_ALLOWED"');
    expect(Number(/content-length: (\d+)/.exec(head)?.[1])).toBe(Buffer.byteLength(reply.slice(reply.indexOf('\r\n\r\n') + 4)));
    expect(access()).toMatchObject([{ reqId: 'tunnel-1', method: 'CONNECT', route: 'unmatched', status: 405 }]);
    expect(h.fake.requests()).toHaveLength(0);
    const metrics = await (await h.proxy.request('/metrics')).text();
    expect(metrics).toMatch(/atlas_proxy_requests_total\{route="unmatched",status="405"\} 1/);
  });

  it('still serves a request with one Host, whatever its case', async () => {
    const { h } = await listening();
    const port = new URL(h.server.url).port;
    const reply = await exchange(
      h.server.url,
      `GET ${V2}/groups HTTP/1.1\r\nHOST: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(statuses(reply)).toEqual([200]);
  });

  it('logs and counts what Node’s parser refuses (400, 431), with no method or path, and sends the id it logged', async () => {
    const { h, access } = await listening();
    const malformed = await exchange(h.server.url, 'GET /a b c\r\n\r\n');
    const tooLarge = await exchange(h.server.url, `GET ${V2}/groups HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(statuses(malformed)).toEqual([400]);
    expect(statuses(tooLarge)).toEqual([431]);
    expect(tooLarge).toContain('"errorCode":"REQUEST_HEADER_FIELDS_TOO_LARGE"');
    const lines = access();
    expect(lines.map(({ route, status, cache }) => ({ route, status, cache }))).toEqual([
      { route: 'unmatched', status: 400, cache: 'none' },
      { route: 'unmatched', status: 431, cache: 'none' },
    ]);
    for (const line of lines) {
      expect(line).not.toHaveProperty('path');
      expect(line).not.toHaveProperty('method');
    }
    expect(malformed.toLowerCase()).toContain(`x-request-id: ${String(lines[0]?.reqId)}`);
    expect(tooLarge.toLowerCase()).toContain(`x-request-id: ${String(lines[1]?.reqId)}`);
    const metrics = await (await h.proxy.request('/metrics')).text();
    expect(metrics).toMatch(/atlas_proxy_requests_total\{route="unmatched",status="400"\} 1/);
    expect(metrics).toMatch(/atlas_proxy_requests_total\{route="unmatched",status="431"\} 1/);
  });

  it('times a refused request from when it arrived, not from the refusal', async () => {
    const { lines, logger } = logLines();
    h = await startHarness({ logger });
    const proxy = h.proxy;
    // The clock jumps 250 ms while the request is on its way to node-server (a slow hit lookup, say).
    const real = performance.now.bind(performance);
    let offset = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => real() + offset);
    extra = await startServer(
      {
        fetch: proxy.fetch,
        refused: proxy.refused,
        nodeHit: (_incoming, _outgoing, next) => {
          offset += 250;
          next();
        },
      },
      { port: 0, host: '127.0.0.1' },
    );
    const reply = await exchange(extra.url, `GET ${V2}/groups HTTP/1.1\r\nHost: a:99999\r\nConnection: close\r\n\r\n`);
    expect(statuses(reply)).toEqual([400]);
    logger.flush();
    const [line] = lines.filter((entry) => entry.msg === 'request');
    expect(line).toMatchObject({ route: 'unmatched', status: 400 });
    expect(line?.ms).toBeGreaterThanOrEqual(250);
  });
});

describe('the server edge: requests pipelined after an answer that closes the connection (RFC 9112 §9.6)', () => {
  const second = (port: string) => `GET ${V2}/groups HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Request-Id: second\r\n\r\n`;

  it('does not run a request pipelined after a refusal: no upstream call, no access line', async () => {
    const { h, access } = await listening();
    const port = new URL(h.server.url).port;
    const refused = `GET ${V2}/groups HTTP/1.1\r\nHost: a:99999\r\nX-Request-Id: first\r\n\r\n`;
    const reply = await exchange(h.server.url, refused + second(port));
    expect(statuses(reply)).toEqual([400]);
    expect(h.fake.requests()).toHaveLength(0);
    expect(access().map((line) => line.reqId)).toEqual(['first']);
  });

  it('does not run a request pipelined after one with two Hosts, nor after one that asked to close', async () => {
    const { h, access } = await listening();
    const port = new URL(h.server.url).port;
    const twoHosts = `GET ${V2}/groups HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: b\r\nX-Request-Id: first\r\n\r\n`;
    expect(statuses(await exchange(h.server.url, twoHosts + second(port)))).toEqual([400]);
    const closing = `GET ${V2}/groups HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\nX-Request-Id: closing\r\n\r\n`;
    expect(statuses(await exchange(h.server.url, closing + second(port)))).toEqual([200]);
    expect(h.fake.requests()).toHaveLength(1);
    expect(access().map((line) => line.reqId)).toEqual(['first', 'closing']);
  });

  it('does not run a request pipelined after an answer given while draining', async () => {
    const { h, access } = await listening();
    const port = new URL(h.server.url).port;
    h.proxy.startDraining();
    const first = `GET ${V2}/groups HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Request-Id: first\r\n\r\n`;
    const reply = await exchange(h.server.url, first + second(port));
    expect(statuses(reply)).toEqual([200]);
    expect(reply.toLowerCase()).toContain('connection: close');
    expect(h.fake.requests()).toHaveLength(1);
    expect(access().map((line) => line.reqId)).toEqual(['first']);
  });

  it('still answers every pipelined request on a connection kept alive, in order', async () => {
    const { h, access } = await listening();
    const port = new URL(h.server.url).port;
    const one = (id: string, close = '') =>
      `GET ${V2}/groups${id === 'b' ? '?pageNum=2' : ''} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Request-Id: ${id}\r\n${close}\r\n`;
    const reply = await exchange(h.server.url, one('a') + one('b') + one('c', 'Connection: close\r\n'));
    expect(statuses(reply)).toEqual([200, 200, 200]);
    expect([...reply.matchAll(/x-request-id: (\w)/gi)].map((m) => m[1])).toEqual(['a', 'b', 'c']);
    expect(access().map((line) => line.reqId)).toEqual(['a', 'b', 'c']);
  });
});
