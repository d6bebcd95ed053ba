import { describe, expect, it } from 'vitest';
import { generateDemoFixtures } from '../fixtures/generate-fixtures.js';
import { createSpecValidator } from '../spec/spec-validator.js';
import { createFakeAtlas } from './create-fake-atlas.js';

// Bodies with envelope=true are not in the spec: their `content` (single) or the body minus
// `status` (lists) is what is validated. Error bodies are never enveloped.
const spec = createSpecValidator();
const fixtures = generateDemoFixtures({ seed: 77, projects: 1, clustersPerProject: 3, checkpointsPerCluster: 30 });
const fake = createFakeAtlas({ fixtures });
const demo = fixtures.projects[0]!;
const groupId = String(demo.group.id);
const base = (name: string) => `/api/atlas/v2/groups/${groupId}/clusters/${name}`;

function unwrap(body: Record<string, unknown>, envelope: boolean, single: boolean): unknown {
  if (!envelope || 'errorCode' in body) return body;
  if (single) return body.content;
  const { status: _status, ...rest } = body;
  return rest;
}

async function check(operation: string, path: string, single: boolean, version?: string): Promise<number> {
  const response = await fake.fetch(path, version ? { headers: { accept: `application/vnd.atlas.${version}+json` } } : {});
  const body = (await response.json()) as Record<string, unknown>;
  const result = spec.validate(operation, response.status, unwrap(body, path.includes('envelope=true'), single), version);
  expect(result.errors, `${path} → ${response.status}`).toEqual([]);
  return response.status;
}

const LISTS = [
  ['listGroupClusterBackupSnapshots', '/backup/snapshots'],
  ['listGroupClusterBackupSnapshotShardedClusters', '/backup/snapshots/shardedClusters'],
  ['listGroupClusterBackupRestoreJobs', '/backup/restoreJobs'],
  ['listGroupClusterSnapshots', '/snapshots'],
  ['listGroupClusterRestoreJobs', '/restoreJobs'],
] as const;

describe('every body the fake emits for the twelve backup operations validates against the backup excerpt', () => {
  it('sweeps every list of every demo cluster across pages, sizes, includeCount, envelope, pretty and filters', async () => {
    let checked = 0;
    for (const { cluster } of demo.clusters) {
      for (const [operation, suffix] of LISTS) {
        for (const q of [
          '',
          '?pageNum=2&itemsPerPage=3',
          '?includeCount=false&envelope=true&pretty=true',
          '?completed=all&pageNum=9',
        ]) {
          expect(await check(operation, `${base(String(cluster.name))}${suffix}${q}`, false)).toBe(200);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(demo.clusters.length * LISTS.length * 4);
  });

  it('validates every snapshot, restore job (read until finished) and schedule as a single resource, at each version', async () => {
    for (const entry of demo.clusters) {
      const at = base(String(entry.cluster.name));
      for (const s of entry.snapshots)
        expect(await check('getGroupClusterBackupSnapshot', `${at}/backup/snapshots/${s.id}`, true)).toBe(200);
      for (const s of entry.shardedSnapshots)
        expect(
          await check(
            'getGroupClusterBackupSnapshotShardedCluster',
            `${at}/backup/snapshots/shardedCluster/${s.id}?envelope=true`,
            true,
          ),
        ).toBe(200);
      for (const s of entry.legacySnapshots)
        expect(await check('getGroupClusterSnapshot', `${at}/snapshots/${s.id}?pretty=true`, true)).toBe(200);
      for (let read = 0; read < 4; read++) {
        for (const j of entry.restoreJobs)
          expect(await check('getGroupClusterBackupRestoreJob', `${at}/backup/restoreJobs/${j.id}`, true)).toBe(200);
        for (const j of entry.legacyRestoreJobs)
          expect(await check('getGroupClusterRestoreJob', `${at}/restoreJobs/${j.id}`, true)).toBe(200);
      }
      if (entry.backup === 'cloud') {
        for (const version of ['2023-01-01', '2024-08-05'])
          expect(await check('getGroupClusterBackupSchedule', `${at}/backup/schedule`, true, version)).toBe(200);
      } else {
        expect(await check('getGroupClusterSnapshotSchedule', `${at}/snapshotSchedule?envelope=true`, true)).toBe(200);
      }
    }
  });

  it('validates every error body', async () => {
    const missing = 'e'.repeat(24);
    const cloud = base('replica-cloud');
    const legacy = base('sharded-legacy');
    const errors: Array<[string, string, number]> = [
      ['getGroupClusterBackupSnapshot', `${cloud}/backup/snapshots/${missing}`, 404],
      ['getGroupClusterBackupSnapshot', `${cloud}/backup/snapshots/nothex`, 400],
      ['getGroupClusterBackupSnapshotShardedCluster', `${cloud}/backup/snapshots/shardedCluster/${missing}`, 404],
      ['getGroupClusterBackupRestoreJob', `${cloud}/backup/restoreJobs/${missing}`, 404],
      ['getGroupClusterBackupSchedule', `${legacy}/backup/schedule`, 404],
      ['getGroupClusterSnapshotSchedule', `${cloud}/snapshotSchedule`, 404],
      ['getGroupClusterSnapshot', `${legacy}/snapshots/${missing}`, 404],
      ['getGroupClusterRestoreJob', `${legacy}/restoreJobs/${missing}`, 404],
      ['listGroupClusterSnapshots', `${legacy}/snapshots?completed=maybe`, 400],
      ['listGroupClusterRestoreJobs', `${legacy}/restoreJobs?batchId=x`, 400],
      ['listGroupClusterBackupSnapshots', `${cloud}/backup/snapshots?pointInTimeUtcSeconds=soon`, 400],
      ['listGroupClusterBackupRestoreJobs', `${base('Nope')}/backup/restoreJobs`, 404],
    ];
    for (const [operation, path, status] of errors) expect(await check(operation, path, false), path).toBe(status);
  });
});
