import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningProxyServer } from '../server/start-server.js';
import { startHarness, type Harness } from '../test-helpers/setup.js';
import { metricsOnly } from './ops-routes.js';

const ADMIN = 'admin-token-for-tests';
let h: Harness | undefined;
let extra: RunningProxyServer | undefined;
afterEach(async () => {
  await extra?.close(0);
  extra = undefined;
  await h?.close();
  h = undefined;
});

async function answer(url: string, method: string) {
  const response = await fetch(url, { method });
  return { method, status: response.status, allow: response.headers.get('allow'), body: await response.text() };
}

describe('the operational endpoints answer other methods 405 with their Allow (RFC 9110 §15.5.6)', () => {
  it('GET endpoints: 405 Allow GET, HEAD for POST, PUT, DELETE, PATCH; GET and HEAD still served', async () => {
    h = await startHarness({ adminToken: ADMIN }, {}, undefined, { listen: true });
    for (const path of ['/healthz', '/readyz', '/metrics', '/openapi.json']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const got = await answer(`${h.server.url}${path}`, method);
        expect({ path, ...got, body: undefined }).toEqual({ path, method, status: 405, allow: 'GET, HEAD', body: undefined });
        expect(JSON.parse(got.body)).toMatchObject({ error: 405, errorCode: 'METHOD_NOT_ALLOWED' });
      }
      expect((await answer(`${h.server.url}${path}`, 'GET')).status, path).toBe(200);
      expect((await answer(`${h.server.url}${path}`, 'HEAD')).status, path).toBe(200);
    }
  });

  it('POST /admin/purge: 405 Allow POST for GET, HEAD, PUT, DELETE; still 404 for every method without an admin token', async () => {
    h = await startHarness({ adminToken: ADMIN }, {}, undefined, { listen: true });
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE']) {
      const got = await answer(`${h.server.url}/admin/purge`, method);
      expect({ status: got.status, allow: got.allow }, method).toEqual({ status: 405, allow: 'POST' });
    }
    await h.close();
    h = await startHarness({}, {}, undefined, { listen: true });
    for (const method of ['GET', 'POST', 'DELETE']) {
      expect((await answer(`${h.server.url}/admin/purge`, method)).status, method).toBe(404);
    }
  });

  it('/metrics served on a port of its own: not on the main port (404), 405 on its own port', async () => {
    h = await startHarness({ metricsOnMainPort: false }, {}, undefined, { listen: true });
    expect((await answer(`${h.server.url}/metrics`, 'POST')).status).toBe(404);
    extra = await startServer(metricsOnly(h.proxy.metrics, undefined), { port: 0, host: '127.0.0.1' });
    const got = await answer(`${extra.url}/metrics`, 'POST');
    expect({ status: got.status, allow: got.allow }).toEqual({ status: 405, allow: 'GET, HEAD' });
    expect(JSON.parse(got.body)).toMatchObject({ errorCode: 'METHOD_NOT_ALLOWED' });
    expect((await answer(`${extra.url}/metrics`, 'GET')).status).toBe(200);
    expect((await answer(`${extra.url}/metrics`, 'HEAD')).status).toBe(200);
    expect((await answer(`${extra.url}/other`, 'GET')).status).toBe(404);
  });
});
