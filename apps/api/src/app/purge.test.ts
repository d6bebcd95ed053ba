import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const V2 = '/api/atlas/v2';

describe('POST /admin/purge', () => {
  it('needs the admin token, then drops a cluster’s entries only', async () => {
    h = await startHarness({ adminToken: 'admin-secret' });
    const other = h.fake.fixtures.projects[0]?.clusters[1]?.cluster.name;
    const listA = `${h.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints`;
    const listB = `${h.url}${V2}/groups/${h.groupId}/clusters/${other}/backupCheckpoints`;
    await h.fetch(listA);
    await h.fetch(listB);
    const purge = (auth: string, body: unknown) =>
      (h as Harness).fetch(`${(h as Harness).url}/admin/purge`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await purge('Bearer wrong', { groupId: h.groupId })).status).toBe(401);
    expect((await purge('Bearer admin-secret', { groupId: 'nope' })).status).toBe(400);
    const ok = await purge('Bearer admin-secret', { groupId: h.groupId, clusterName: h.clusterName });
    expect(await ok.json()).toEqual({ purged: 1 });
    expect((await h.fetch(listA)).headers.get('cache-status')).toContain('fwd=miss');
    expect((await h.fetch(listB)).headers.get('cache-status')).toContain('hit');
    const project = await purge('Bearer admin-secret', { groupId: h.groupId });
    expect(((await project.json()) as { purged: number }).purged).toBe(2);
  });

  it('is not found when no admin token is configured', async () => {
    h = await startHarness();
    const res = await h.fetch(`${h.url}/admin/purge`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });
});
