import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';
import { oauthToken } from '../test-helpers/tokens.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const V2 = '/api/atlas/v2';
const auth = { oauth: [{ clientId: 'sa-a', clientSecret: 'secret-a' }], digest: [{ publicKey: 'pub', privateKey: 'priv' }] };

describe('passthrough edge cases', () => {
  it('answers a forwarded (Digest/anonymous) request with a 502, not a 500, when upstream is unreachable', async () => {
    h = await startHarness({ authMode: 'passthrough' }, { auth });
    await h.upstream.close();
    const res = await h.fetch(`${h.url}${V2}/groups`, { headers: { authorization: 'Digest username="pub", realm="x"' } });
    expect(res.status).toBe(502);
    expect(res.headers.get('x-error-code')).toBe('BAD_GATEWAY');
    expect(res.headers.get('cache-status')).toBe('atlas-checkpoints-proxy; fwd=bypass');
  });

  it('evicts a partition when a background (stale-while-revalidate) refresh gets a 401', async () => {
    h = await startHarness({ authMode: 'passthrough' }, { auth });
    const token = await oauthToken(h.upstream.url, 'sa-a', 'secret-a');
    const headers = { authorization: `Bearer ${token}` };
    expect((await h.fetch(`${h.url}${V2}/groups`, { headers })).status).toBe(200);
    h.fake.expireTokens();
    h.clock.advance(60_000 + 1);
    // Within stale-while-revalidate: served stale while the refresh runs (and is refused).
    expect((await h.fetch(`${h.url}${V2}/groups`, { headers })).status).toBe(200);
    await expect
      .poll(() => h?.fake.requests().filter((r) => r.route === 'listGroups' && r.status === 401).length)
      .toBeGreaterThan(0);
    // The token was refused upstream: its partition is gone, so the next request goes upstream and gets the 401.
    await expect
      .poll(async () => (await (h as Harness).fetch(`${(h as Harness).url}${V2}/groups`, { headers })).status)
      .toBe(401);
  });
});
