import * as core from '@atlas-checkpoints/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';
import { tokenEntry } from '../test-helpers/tokens.js';

vi.mock('@atlas-checkpoints/core', async (importOriginal) => {
  const actual = await importOriginal<typeof core>();
  return { ...actual, parseRequest: vi.fn(actual.parseRequest) };
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const SEARCH = 'itemsPerPage=5&pretty=true';
/** The proxy's parses of the request under test (the fake Atlas in the same process parses its own). */
const parsed = () => vi.mocked(core.parseRequest).mock.calls.filter(([, input]) => input.search === SEARCH).length;

describe('the hit path before routing', () => {
  it('answers a repeated request without routing or parsing it again, with the same bytes and headers', async () => {
    h = await startHarness();
    const url = `${h.url}/api/atlas/v2/groups/${h.groupId}/clusters?${SEARCH}`;
    const first = await h.fetch(url);
    const before = parsed();
    const second = await h.fetch(url);
    expect(parsed()).toBe(before);
    expect(second.headers.get('cache-status')).toBe('atlas-checkpoints-proxy; hit; ttl=60');
    expect(await second.text()).toBe(await first.text());
    for (const name of ['content-type', 'etag', 'vary', 'deprecation', 'sunset']) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    }
    // Another Accept is another request: routed and negotiated again.
    const other = await h.fetch(url, { headers: { accept: 'application/vnd.atlas.2024-08-05+json' } });
    expect(parsed()).toBe(before + 1);
    expect(other.headers.get('content-type')).toBe('application/vnd.atlas.2024-08-05+json;charset=utf-8');
  });

  it('never answers one principal from what another was served', async () => {
    h = await startHarness({
      tokens: [tokenEntry('all', 'token-all', ['*']), tokenEntry('other', 'token-other', ['f'.repeat(24)])],
    });
    const url = `${h.url}/api/atlas/v2/groups/${h.groupId}/clusters`;
    const as = (token: string) => (h as Harness).fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect((await as('token-all')).status).toBe(200);
    expect((await as('token-all')).headers.get('cache-status')).toContain('hit');
    const refused = await as('token-other');
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { errorCode: string }).errorCode).toBe('GROUP_NOT_FOUND');
    expect((await as('not-a-token')).status).toBe(401);
  });
});
