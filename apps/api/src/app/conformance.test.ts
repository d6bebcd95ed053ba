import { createSpecValidator } from '@atlas-checkpoints/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';

let h: Harness;
const spec = createSpecValidator();
beforeAll(async () => {
  h = await startHarness({ snapshotMaxItems: 50 });
});
afterAll(async () => {
  await h.close();
});

describe('conformance with the OpenAPI excerpt', () => {
  it('every body the proxy serves validates against the official spec', async () => {
    const checkpoint = h.checkpointIds[0];
    expect(checkpoint).toBeDefined();
    const paths = [
      '/api/atlas/v2/groups',
      '/api/atlas/v2/groups?includeCount=false&envelope=false',
      `/api/atlas/v2/groups/${h.groupId}/clusters?itemsPerPage=1`,
      `/api/atlas/v2/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints?itemsPerPage=7&pageNum=3`,
      `/api/atlas/v2/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints/${checkpoint}`,
      `/api/atlas/v2/groups/${'e'.repeat(24)}/clusters`,
      `/api/atlas/v2/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints?itemsPerPage=900`,
    ];
    for (const path of paths) {
      const res = await h.fetch(`${h.url}${path}`);
      const body = (await res.json()) as unknown;
      const result = spec.validate(path.split('?')[0] ?? path, res.status, body);
      expect(result.errors, `${path} ${res.status}`).toEqual([]);
    }
  });

  it('falls back to caching pages one by one above the snapshot size', async () => {
    h.fake.clearRequests();
    // another sharded cluster (only those have checkpoints), not yet cached
    const other = h.fake.fixtures.projects[1];
    const sharded = other?.clusters.find((c) => c.cluster.clusterType === 'SHARDED');
    const base = `${h.url}/api/atlas/v2/groups/${other?.group.id}/clusters/${sharded?.cluster.name}/backupCheckpoints`;
    const page = (await (await h.fetch(`${base}?itemsPerPage=20&pageNum=2`)).json()) as {
      results: unknown[];
      totalCount: number;
    };
    expect(page.results).toHaveLength(20);
    expect(page.totalCount).toBe(120);
    const again = await h.fetch(`${base}?itemsPerPage=20&pageNum=2`);
    expect(again.headers.get('cache-status')).toContain('hit');
    const upstream = h.fake.requests().map((r) => `${r.query.itemsPerPage}/${r.query.pageNum}`);
    expect(upstream).toContain('20/2');
    expect(upstream.filter((q) => q === '500/1')).toHaveLength(1);
  });
});
