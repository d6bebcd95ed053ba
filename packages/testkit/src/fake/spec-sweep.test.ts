import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../fixtures/generate-fixtures.js';
import { createSpecValidator } from '../spec/spec-validator.js';
import { createFakeAtlas } from './create-fake-atlas.js';

// Bodies with envelope=true are not in the spec: their `content` (single) or the body minus
// `status` (lists) is what is validated. Error bodies are never enveloped.
const spec = createSpecValidator();
const fixtures = generateFixtures({ seed: 99, projects: 3, clustersPerProject: 3, checkpointsPerCluster: 120 });
const fake = createFakeAtlas({ fixtures, auth: { digest: [{ publicKey: 'p', privateKey: 'k' }] } });
const open = createFakeAtlas({ fixtures });
const project = fixtures.projects[1]!;
const groupId = String(project.group.id);
const sharded = project.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!;
const base = `/api/atlas/v2/groups/${groupId}/clusters/${String(sharded.cluster.name)}/backupCheckpoints`;

function unwrap(body: Record<string, unknown>, envelope: boolean, single: boolean): unknown {
  if (!envelope || 'errorCode' in body) return body;
  if (single || 'content' in body) return body.content;
  const { status: _status, ...rest } = body;
  return rest;
}

async function check(target: typeof fake, operation: string, path: string, single = false) {
  const response = await target.fetch(path);
  const body = (await response.json()) as Record<string, unknown>;
  const result = spec.validate(operation, response.status, unwrap(body, path.includes('envelope=true'), single));
  expect(result.errors, `${path} → ${response.status}`).toEqual([]);
  return response.status;
}

describe('every body the fake emits validates against the OpenAPI excerpt', () => {
  it('sweeps lists across pages, sizes, includeCount, envelope and pretty', async () => {
    let checked = 0;
    for (const itemsPerPage of [1, 7, 100, 500]) {
      for (const pageNum of [1, 2, 50]) {
        for (const flags of [
          '',
          '&includeCount=false',
          '&envelope=true',
          '&pretty=true',
          '&includeCount=false&envelope=true&pretty=true',
        ]) {
          const q = `?pageNum=${pageNum}&itemsPerPage=${itemsPerPage}${flags}`;
          expect(await check(open, 'listGroups', `/api/atlas/v2/groups${q}`)).toBe(200);
          expect(await check(open, 'listGroupClusters', `/api/atlas/v2/groups/${groupId}/clusters${q}`)).toBe(200);
          expect(await check(open, 'listGroupClusterBackupCheckpoints', `${base}${q}`)).toBe(200);
          checked += 3;
        }
      }
    }
    expect(checked).toBe(180);
  });

  it('validates every checkpoint of every cluster as a single resource, with and without envelope', async () => {
    for (const { cluster, checkpoints } of project.clusters) {
      for (const checkpoint of checkpoints.slice(0, 20)) {
        const path = `/api/atlas/v2/groups/${groupId}/clusters/${String(cluster.name)}/backupCheckpoints/${String(checkpoint.id)}`;
        expect(await check(open, 'getGroupClusterBackupCheckpoint', path, true)).toBe(200);
        expect(await check(open, 'getGroupClusterBackupCheckpoint', `${path}?envelope=true&pretty=true`, true)).toBe(200);
      }
    }
  });

  it('validates every error body', async () => {
    const missing = 'e'.repeat(24);
    const statuses = new Set<number>();
    const errors: Array<[string, string]> = [
      ['listGroupClusters', `/api/atlas/v2/groups/${missing}/clusters`],
      ['listGroupClusters', '/api/atlas/v2/groups/bad/clusters?envelope=true'],
      ['listGroupClusterBackupCheckpoints', `/api/atlas/v2/groups/${groupId}/clusters/Nope/backupCheckpoints`],
      ['getGroupClusterBackupCheckpoint', `${base}/${missing}`],
      ['getGroupClusterBackupCheckpoint', `${base}/nothex?pretty=true`],
      ['listGroups', '/api/atlas/v2/groups?itemsPerPage=9999'],
      ['listGroups', '/api/atlas/v2/groups?pageNum=-1'],
      ['listGroups', '/api/atlas/v2/groups?includeCount=maybe'],
    ];
    for (const [operation, path] of errors) statuses.add(await check(open, operation, path));
    statuses.add(await check(fake, 'listGroups', '/api/atlas/v2/groups'));
    statuses.add(await check(fake, 'listGroups', '/api/atlas/v2/groups', true));
    for (const status of [403, 429, 500, 503]) {
      open.faults.failNext(1, { status });
      statuses.add(await check(open, 'listGroups', '/api/atlas/v2/groups'));
    }
    open.faults.rateLimitNext(1);
    statuses.add(await check(open, 'listGroups', '/api/atlas/v2/groups'));
    const notAcceptable = await open.fetch(`/api/atlas/v2/groups/${groupId}/clusters`, {
      headers: { accept: 'application/vnd.atlas.2022-06-30+json' },
    });
    expect(notAcceptable.status).toBe(406);
    expect(spec.validate('listGroupClusters', 406, await notAcceptable.json()).errors).toEqual([]);
    expect(await check(open, 'listGroups', '/api/atlas/v2/unknown')).toBe(404);
    expect([...statuses].sort()).toEqual([400, 401, 403, 404, 429, 500, 503]);
  });
});
