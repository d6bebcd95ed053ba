import { expandPath, OPERATION_LIST, versionHeaders, type Operation } from '@atlas-checkpoints/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoFixtures } from '../fixtures/generate-fixtures.js';
import { createSpecValidator } from '../spec/spec-validator.js';
import { createVersionSweep } from '../spec/version-sweep.js';
import { createFakeAtlas } from './create-fake-atlas.js';
import type { RunningServer } from './listen.js';

const spec = createSpecValidator();
// The demo project first (every kind of backup), then what generateFixtures makes for these options.
const fixtures = generateDemoFixtures({ seed: 3, projects: 2, clustersPerProject: 3, checkpointsPerCluster: 40 });
const fake = createFakeAtlas({ fixtures });
const project = fixtures.projects[1]!;
const sharded = project.clusters.find((c) => c.cluster.clusterType === 'SHARDED')!;
const sample: Record<string, string> = {
  groupId: String(project.group.id),
  clusterName: String(sharded.cluster.name),
  checkpointId: String(sharded.checkpoints[0]?.id),
};
const demo = fixtures.projects[0]!;
const demoCluster = (name: string) => demo.clusters.find((c) => c.cluster.name === name)!;
const [replicaCloud, shardedCloud, shardedLegacy] = ['replica-cloud', 'sharded-cloud', 'sharded-legacy'].map(demoCluster);
/** Path values where each backup operation finds a document: the demo cluster on the backup and of the type it serves. */
function sampleFor(operation: Operation): Record<string, string> {
  const on = (entry: typeof replicaCloud, snapshotId?: string) => ({
    groupId: String(demo.group.id),
    clusterName: String(entry?.cluster.name),
    snapshotId: snapshotId ?? '',
    restoreJobId: String(entry?.restoreJobs[0]?.id),
    jobId: String(entry?.legacyRestoreJobs[0]?.id),
  });
  if (operation.path.includes('/backup/snapshots/shardedCluster')) return on(shardedCloud, shardedCloud?.shardedSnapshots[0]?.id);
  if (operation.path.includes('/backup/')) return on(replicaCloud, replicaCloud?.snapshots[0]?.id);
  if (/\/(snapshots|restoreJobs|snapshotSchedule)/.test(operation.path))
    return on(shardedLegacy, shardedLegacy?.legacySnapshots[0]?.id);
  return sample;
}
const pathOf = (operation: Operation) => expandPath(operation, sampleFor(operation));
const servedVersion = (response: Response) =>
  /^application\/vnd\.atlas\.([\d-]+)\+json;charset=utf-8$/.exec(response.headers.get('content-type') ?? '')?.[1];

const daysFor = createVersionSweep();

let server: RunningServer;
beforeAll(async () => {
  server = await fake.listen({ port: 0 });
});
afterAll(() => server.close());

describe('the fake negotiates API versions as Atlas does', () => {
  it("answers the documentation's own request (Accept 2025-03-12, ?pretty=true) with 200 and version 2023-01-01", async () => {
    const op = OPERATION_LIST.find((o) => o.method === 'listClusterBackupCheckpoints')!;
    const response = await fetch(`${server.url}${pathOf(op)}?pretty=true`, {
      headers: { accept: 'application/vnd.atlas.2025-03-12+json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    expect(response.headers.get('deprecation')).toMatch(/^@\d+$/);
    const text = await response.text();
    expect(text).toContain('\n  "results": [');
    expect(spec.validate(op.operationId, 200, JSON.parse(text), '2023-01-01').errors).toEqual([]);
  });

  it('serves every operation at every version date from its first version to today, each body valid for the version named', async () => {
    const validated = new Set<string>();
    for (const op of OPERATION_LIST) {
      const versions = op.versions.map((v) => v.version as string);
      for (const day of daysFor(op.operationId, versions)) {
        const response = await fake.fetch(pathOf(op), { headers: { accept: `application/vnd.atlas.${day}+json` } });
        const expected = versions.filter((v) => v <= day).at(-1);
        expect(response.status, `${op.operationId} ${day}`).toBe(200);
        expect(servedVersion(response), `${op.operationId} ${day}`).toBe(expected);
        const text = await response.text();
        if (!validated.has(`${op.operationId} ${expected}`)) {
          validated.add(`${op.operationId} ${expected}`);
          expect(spec.validate(op.operationId, 200, JSON.parse(text), expected).errors, `${op.operationId} ${expected}`).toEqual(
            [],
          );
        }
      }
    }
    expect([...validated].sort()).toEqual(
      OPERATION_LIST.flatMap((op) => op.versions.map((v) => `${op.operationId} ${v.version}`)).sort(),
    );
  }, 120_000);

  it('serves the clusters list at each of its three versions in its own shape, with Deprecation and Sunset from the spec', async () => {
    const op = OPERATION_LIST.find((o) => o.method === 'listClusters')!;
    const shapes = new Set<string>();
    for (const { version } of op.versions) {
      const response = await fake.fetch(pathOf(op), { headers: { accept: `application/vnd.atlas.${version}+json` } });
      const body = (await response.json()) as { results: Array<Record<string, unknown>> };
      expect(spec.validate(op.operationId, 200, body, version).errors).toEqual([]);
      const { 'content-type': contentType, ...lifecycle } = versionHeaders(op, version);
      expect(response.headers.get('content-type')).toBe(contentType);
      expect(response.headers.get('deprecation') ?? undefined).toBe(lifecycle.deprecation);
      expect(response.headers.get('sunset') ?? undefined).toBe(lifecycle.sunset);
      expect(body.results).toHaveLength(project.clusters.length);
      shapes.add(JSON.stringify(Object.keys(body.results[0] ?? {}).sort()));
    }
    expect(shapes.size).toBe(3);
    const [legacy, advanced, newest] = await Promise.all(
      op.versions.map(async ({ version }) => {
        const response = await fake.fetch(`${pathOf(op)}?itemsPerPage=500`, {
          headers: { accept: `application/vnd.atlas.${version}+json` },
        });
        return ((await response.json()) as { results: Array<Record<string, unknown>> }).results;
      }),
    );
    const shard = (doc: Record<string, unknown>) => (doc.replicationSpecs as unknown[] | undefined)?.length;
    const index = project.clusters.indexOf(sharded);
    expect(legacy?.[index]?.numShards).toBeGreaterThan(1);
    expect((advanced?.[index]?.replicationSpecs as Array<{ numShards: number }>)[0]?.numShards).toBe(legacy?.[index]?.numShards);
    expect(shard(newest?.[index] ?? {})).toBe(legacy?.[index]?.numShards);
  });

  it('answers 406 for a date before the first version and for what is not a date', async () => {
    for (const op of OPERATION_LIST) {
      const early = await fake.fetch(pathOf(op), { headers: { accept: 'application/vnd.atlas.2022-12-31+json' } });
      expect([early.status, early.headers.get('x-error-code')]).toEqual([406, 'NOT_ACCEPTABLE']);
      const junk = await fake.fetch(pathOf(op), { headers: { accept: 'application/vnd.atlas.latest+json' } });
      expect([junk.status, junk.headers.get('x-error-code')]).toEqual([406, 'INVALID_VERSION_DATE']);
      expect(spec.validate(op.operationId, 406, await junk.json()).errors).toEqual([]);
    }
  });
});
