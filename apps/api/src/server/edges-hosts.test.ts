import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';
import { checkingInterval, startServer, type RunningProxyServer } from './start-server.js';
import { exchange, logLines } from '../test-helpers/log-lines.js';

const V2 = '/api/atlas/v2';
let h: Harness | undefined;
let extra: RunningProxyServer | undefined;
afterEach(async () => {
  await extra?.close(0);
  extra = undefined;
  await h?.close();
  h = undefined;
});

const statusOf = (reply: string) => Number(/^HTTP\/1\.1 (\d{3}) /.exec(reply)?.[1]);
const bodyOf = (reply: string) => JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;

/** A proxy listening like the bin (`startServer(proxy)`), logging into `lines`. */
async function listening(overrides: Parameters<typeof startHarness>[0] = {}) {
  const { lines, logger } = logLines();
  h = await startHarness({ logger, ...overrides }, {}, undefined, { listen: true });
  const access = () => {
    logger.flush();
    return lines.filter((line) => line.msg === 'request');
  };
  return { h, access, port: new URL(h.server.url).port };
}

describe('the server edge: the header timeout holds on time (RFC 9110 §15.5.9)', () => {
  it('answers a client dripping header lines the Atlas-shaped 408 once headersTimeoutMs has passed', async () => {
    h = await startHarness();
    extra = await startServer(h.proxy, { port: 0, host: '127.0.0.1', headersTimeoutMs: 300 });
    const socket = connect(Number(new URL(extra.url).port), '127.0.0.1');
    socket.write(`GET ${V2}/groups HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    // One header line every 100 ms, never the blank line that ends them: only the timeout ends it.
    let line = 0;
    const drip = setInterval(() => socket.writable && socket.write(`X-Drip-${(line += 1)}: 1\r\n`), 100);
    let reply = '';
    try {
      for await (const chunk of socket) reply += String(chunk);
    } finally {
      clearInterval(drip);
    }
    expect(statusOf(reply)).toBe(408);
    expect(bodyOf(reply)).toMatchObject({ error: 408, errorCode: 'REQUEST_TIMEOUT' });
    expect(reply.toLowerCase()).toContain('connection: close');
  });

  it('checks timeouts at most every second, more often for shorter timeouts', () => {
    expect(checkingInterval(10_000, 30_000)).toBe(1_000);
    expect(checkingInterval(300, 30_000)).toBe(75);
    expect(checkingInterval(60_000, 2_000)).toBe(500);
    expect(checkingInterval(10, 10)).toBe(50);
    expect(checkingInterval(0, 0)).toBe(1_000);
  });
});

describe('the server edge: HTTP/1.0 without Host (RFC 9112 §3.2)', () => {
  it('serves it at the address the server listens on; links use that address', async () => {
    const { h, port } = await listening();
    const health = await exchange(h.server.url, 'GET /healthz HTTP/1.0\r\n\r\n');
    expect(statusOf(health)).toBe(200);
    expect(bodyOf(health)).toEqual({ status: 'ok' });
    const groups = await exchange(h.server.url, `GET ${V2}/groups HTTP/1.0\r\n\r\n`);
    expect(statusOf(groups)).toBe(200);
    const { links } = bodyOf(groups) as { links: Array<{ href: string }> };
    expect(links[0]?.href).toBe(`http://127.0.0.1:${port}${V2}/groups?itemsPerPage=100&pageNum=1`);
  });

  it('writes --public-url into links when it is set', async () => {
    const { h } = await listening({ publicUrl: 'https://atlas-proxy.example.com' });
    const groups = await exchange(h.server.url, `GET ${V2}/groups HTTP/1.0\r\n\r\n`);
    expect(statusOf(groups)).toBe(200);
    const { links } = bodyOf(groups) as { links: Array<{ href: string }> };
    expect(links[0]?.href.startsWith(`https://atlas-proxy.example.com${V2}/groups`)).toBe(true);
  });

  it('still answers HTTP/1.1 without Host 400', async () => {
    const { h } = await listening();
    const reply = await exchange(h.server.url, 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(statusOf(reply)).toBe(400);
    expect(bodyOf(reply)).toMatchObject({ errorCode: 'INVALID_REQUEST' });
  });
});

describe('the server edge: one Authorization (RFC 9110 §11.6.2)', () => {
  it('answers two Authorization field lines 400 Atlas-shaped, logged, counted, with its id', async () => {
    const { h, access, port } = await listening();
    const reply = await exchange(
      h.server.url,
      `GET ${V2}/groups HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer A\r\nauthorization: Bearer B\r\nX-Request-Id: two-auth-1\r\n\r\n`,
    );
    expect(statusOf(reply)).toBe(400);
    expect(bodyOf(reply)).toMatchObject({ error: 400, errorCode: 'INVALID_REQUEST' });
    expect(reply.toLowerCase()).toContain('x-request-id: two-auth-1');
    expect(reply.toLowerCase()).toContain('connection: close');
    expect(access()).toMatchObject([{ reqId: 'two-auth-1', route: 'unmatched', status: 400, path: `${V2}/groups` }]);
    expect(h.fake.requests()).toHaveLength(0);
    const metrics = await (await h.proxy.request('/metrics')).text();
    expect(metrics).toMatch(/atlas_proxy_requests_total\{route="unmatched",status="400"\} 1/);
  });
});

describe('the server edge: every unusable Host gets one answer (RFC 9112 §3.2)', () => {
  const unusable = [
    'evil.com:99999',
    'evil.com:',
    'a..b',
    '127.0.0.1:0',
    '127.1',
    'a"b',
    '256.1.1.1',
    '1.2.3.4.5',
    '999.1.1.1:80',
  ];

  it('answers each 400 INVALID_HOST_HEADER, on an Atlas path or not, logged with its id', async () => {
    const { h, access } = await listening();
    for (const host of unusable) {
      for (const path of [`${V2}/groups`, '/healthz']) {
        const reply = await exchange(h.server.url, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nX-Request-Id: bad-host\r\n\r\n`);
        expect(statusOf(reply), `${host} ${path}`).toBe(400);
        expect(bodyOf(reply), `${host} ${path}`).toMatchObject({ error: 400, errorCode: 'INVALID_HOST_HEADER' });
        expect(reply.toLowerCase()).toContain('x-request-id: bad-host');
      }
    }
    expect(access().map((line) => line.status)).toEqual(unusable.flatMap(() => [400, 400]));
    expect(h.fake.requests()).toHaveLength(0);
  });

  it('answers them the same with --public-url (the Host is refused, not only unused)', async () => {
    const { h } = await listening({ publicUrl: 'https://atlas-proxy.example.com' });
    for (const host of unusable) {
      const reply = await exchange(h.server.url, `GET ${V2}/groups HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      expect(bodyOf(reply), host).toMatchObject({ error: 400, errorCode: 'INVALID_HOST_HEADER' });
    }
  });

  it('still serves a valid Host, a hit included, and writes it into links', async () => {
    const { h, port } = await listening();
    const request = `GET ${V2}/groups HTTP/1.1\r\nHost: LocalHost:${port}\r\nConnection: close\r\n\r\n`;
    for (const cache of ['miss', 'hit']) {
      const reply = await exchange(h.server.url, request);
      expect(statusOf(reply), cache).toBe(200);
      const { links } = bodyOf(reply) as { links: Array<{ href: string }> };
      expect(links[0]?.href.startsWith(`http://localhost:${port}/`)).toBe(true);
    }
  });
});
