import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithSpec, type Spec, type SpecSchema } from '../schemas/test-helpers/spec-compare.js';
import { ATLAS_API_VERSION } from './api-version.js';
import { defineOperation, pathParameterNames } from './operation.js';
import { OPERATION_LIST, OPERATIONS } from './operations.js';
import { expandPath, matchOperation } from './paths.js';

type SpecParameter = { $ref?: string; name?: string; in?: string; schema?: SpecSchema };
type SpecOperation = {
  operationId: string;
  summary: string;
  deprecated?: boolean;
  'x-xgen-operation-id-override'?: string;
  parameters: SpecParameter[];
  responses: { '200': { content: Record<string, { schema: { $ref: string }; 'x-sunset'?: string; 'x-xgen-version': string }> } };
};
type Document = Spec & { paths: Record<string, { get: SpecOperation }> };

// packages/core/src/wire -> the repository's parent holds shared/ (see conformance.test.ts).
const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../../shared/spec/${name}`, import.meta.url), 'utf8')) as Document;
const excerpts = [read('atlas-openapi-excerpt.json'), read('atlas-openapi-backup-excerpt.json')];

/**
 * Methods named after the Atlas CLI's vocabulary (`atlas backups snapshots describe`, `atlas backups
 * restores list`) where the spec's short name is ambiguous beside the checkpoints (issue 12): the
 * legacy operations say "Legacy", the sharded-cluster snapshots say what they list.
 */
const CLI_NAMES: Readonly<Record<string, string>> = {
  getGroupClusterBackupSnapshot: 'getBackupSnapshot',
  listGroupClusterBackupSnapshotShardedClusters: 'listShardedClusterBackupSnapshots',
  getGroupClusterBackupSnapshotShardedCluster: 'getShardedClusterBackupSnapshot',
  listGroupClusterSnapshots: 'listLegacySnapshots',
  getGroupClusterSnapshot: 'getLegacySnapshot',
  listGroupClusterRestoreJobs: 'listLegacyRestoreJobs',
  getGroupClusterRestoreJob: 'getLegacyRestoreJob',
  getGroupClusterSnapshotSchedule: 'getLegacySnapshotSchedule',
};

function find(operationId: string): { spec: Document; path: string; get: SpecOperation } {
  for (const spec of excerpts)
    for (const [path, item] of Object.entries(spec.paths))
      if (item.get.operationId === operationId) return { spec, path, get: item.get };
  throw new Error(`${operationId} is in no spec excerpt`);
}

function parameter(spec: Document, entry: SpecParameter): SpecParameter {
  if (!entry.$ref) return entry;
  return (spec.components.parameters as Record<string, SpecParameter>)[entry.$ref.split('/').pop() ?? ''] ?? {};
}

describe('the operation table is the spec excerpt', () => {
  it.each(OPERATION_LIST.map((op) => [op.operationId, op] as const))('%s: id, path, summary, method, deprecated', (id, op) => {
    const { path, get } = find(id);
    expect(Object.keys(OPERATIONS)).toContain(id);
    expect(op.path).toBe(path);
    expect(op.summary).toBe(get.summary);
    expect(op.deprecated).toBe(get.deprecated === true);
    // Core's method names are the spec's own short names (x-xgen-operation-id-override), but for
    // the CLI's names above; the projects list has none and takes the name the spec's
    // documentation links to (`listProjects`).
    expect(op.method).toBe(CLI_NAMES[id] ?? get['x-xgen-operation-id-override'] ?? 'listProjects');
  });

  it.each(OPERATION_LIST.map((op) => [op.operationId, op] as const))('%s: every parameter, with the spec schema', (id, op) => {
    const { spec, get } = find(id);
    const declared = get.parameters.map((entry) => parameter(spec, entry)).filter((p) => p.in === 'path' || p.in === 'query');
    const path = declared.filter((p) => p.in === 'path').map((p) => p.name);
    const query = declared.filter((p) => p.in === 'query').map((p) => p.name);
    expect(Object.keys(op.pathParameters).sort()).toEqual([...path].sort());
    expect(op.query.map((q) => q.name).sort()).toEqual([...query].sort());
    for (const p of declared) {
      const schema = p.in === 'path' ? op.pathParameters[p.name ?? ''] : op.query.find((q) => q.name === p.name)?.schema;
      expect(compareWithSpec(spec, p.schema ?? {}, schema, `${id}.${p.name ?? ''}`), p.name).toEqual([]);
    }
  });

  it.each(OPERATION_LIST.map((op) => [op.operationId, op] as const))(
    '%s: every version, its schema name and x-sunset',
    (id, op) => {
      const content = find(id).get.responses['200'].content;
      expect(op.versions.map((v) => `application/vnd.atlas.${v.version}+json`)).toEqual(Object.keys(content).sort());
      for (const version of op.versions) {
        const media = content[`application/vnd.atlas.${version.version}+json`];
        expect(media?.schema.$ref).toBe(`#/components/schemas/${version.component}`);
        expect(version.sunset).toBe(media?.['x-sunset']);
      }
    },
  );

  it('every operation starts at the version all resources share, and each list is a list', () => {
    for (const op of OPERATION_LIST) {
      expect(op.versions[0].version).toBe(ATLAS_API_VERSION);
      expect(op.shape === 'list').toBe(op.operationId.startsWith('list'));
      expect(pathParameterNames(op.path)).toEqual(Object.keys(op.pathParameters));
    }
    expect(new Set(OPERATION_LIST.map((op) => op.method)).size).toBe(OPERATION_LIST.length);
  });

  it('routes every path to its own operation: a literal segment wins over an id of an earlier entry', () => {
    const id = 'a'.repeat(24);
    for (const op of OPERATION_LIST) {
      const values = Object.fromEntries(Object.keys(op.pathParameters).map((name) => [name, name === 'clusterName' ? 'C0' : id]));
      expect(matchOperation(expandPath(op, values))?.operation.operationId).toBe(op.operationId);
    }
  });

  it('marks exactly the restore-job operations as holding documents that may change, true for running jobs only', () => {
    expect(OPERATION_LIST.filter((op) => op.mayChange).map((op) => op.operationId)).toEqual([
      'listGroupClusterBackupRestoreJobs',
      'getGroupClusterBackupRestoreJob',
      'listGroupClusterRestoreJobs',
      'getGroupClusterRestoreJob',
    ]);
    const cloud = OPERATIONS.getGroupClusterBackupRestoreJob.mayChange;
    expect([{}, { finishedAt: 'x' }, { failed: true }, { cancelled: true }, { expired: true }].map(cloud)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    const legacy = OPERATIONS.getGroupClusterRestoreJob.mayChange;
    expect(['IN_PROGRESS', 'FINISHED', 'BROKEN', 'KILLED', 'NEW'].map((statusName) => legacy({ statusName }))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('refuses a malformed entry when the module loads', () => {
    const base = OPERATIONS.listGroups;
    expect(() => defineOperation({ ...base, path: '/api/atlas/v2/groups/{groupId}' })).toThrow(/path parameters/);
    expect(() =>
      defineOperation({
        ...base,
        versions: [
          { ...base.versions[0], version: '2024-01-01' },
          { ...base.versions[0], version: '2023-01-01' },
        ],
      }),
    ).toThrow(/ascending/);
    expect(() => defineOperation({ ...base, query: [...base.query, base.query[0]] })).toThrow(/repeated/);
  });
});
