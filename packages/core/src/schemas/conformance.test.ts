import { readFileSync } from 'node:fs';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { compareWithSpec, type Spec, type SpecSchema } from './test-helpers/spec-compare.js';
import {
  AdvancedClusterDescription,
  AdvancedClusterDescriptionPage,
  ApiError,
  BadRequestDetail,
  BsonTimestamp,
  Checkpoint,
  CheckpointId,
  CheckpointPage,
  CheckpointPart,
  Cluster,
  ClusterDescription20240805,
  ClusterDescription20240805Page,
  ClusterName,
  Envelope,
  ClusterPage,
  FieldViolation,
  Group,
  GroupId,
  GroupPage,
  IncludeCount,
  ItemsPerPage,
  Link,
  PageNum,
  Pretty,
  ResourceTag,
} from './index.js';

// packages/core/src/schemas -> repo root is 4 levels up; shared/ sits beside the repo root.
const SPEC_URL = new URL('../../../../../shared/spec/atlas-openapi-excerpt.json', import.meta.url);
const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as Spec & { paths: Record<string, { get: { parameters: unknown[] } }> };
const ref = (name: string): SpecSchema => ({ $ref: `#/components/schemas/${name}` });

/** Documented deviations (see the JSDoc of each schema): the spec contradicts real documents there. */
const exceptions = {
  // increment is a small per-second counter (1, 2, 4); the spec's minimum 1199145600 rejects real data.
  'ApiBSONTimestampView.increment': ['minimum'],
  'ApiCheckpointPartView.tokenTimestamp.increment': ['minimum'],
  'ApiAtlasCheckpointView.parts[].tokenTimestamp.increment': ['minimum'],
  'PaginatedApiAtlasCheckpointView.results[].parts[].tokenTimestamp.increment': ['minimum'],
  // The real service sends strings in `parameters`.
  'ApiError.parameters[]': ['type'],
  // The project-name pattern needs the `u` flag and forbids the spaces of real names ("Project 0");
  // its length bound counts code points, which TypeBox's maxLength (UTF-16 units) cannot express.
  'Group.name': ['pattern', 'minLength', 'maxLength'],
  'PaginatedAtlasGroupView.results[].name': ['pattern', 'minLength', 'maxLength'],
  // Tag lengths are counted in code points by JSON Schema, in UTF-16 units by TypeBox: not checked on reading.
  ...Object.fromEntries(
    [
      'ResourceTag',
      'Group.tags[]',
      'PaginatedAtlasGroupView.results[].tags[]',
      'LegacyAtlasCluster.tags[]',
      'PaginatedLegacyClusterView.results[].tags[]',
      'AdvancedClusterDescription.tags[]',
      'PaginatedAdvancedClusterDescriptionView.results[].tags[]',
      'ClusterDescription20240805.tags[]',
      'PaginatedClusterDescription20240805.results[].tags[]',
    ].flatMap((at) => [
      [`${at}.key`, ['minLength', 'maxLength']],
      [`${at}.value`, ['minLength', 'maxLength']],
    ]),
  ),
  // The schema is the object; its nullability is applied where it is used (`ApiError.badRequestDetail`).
  BadRequestDetail: ['nullable'],
  // Free/shared tiers report 0.5/2/5 GB and extended storage exceeds 4096.
  'LegacyAtlasCluster.diskSizeGB': ['minimum', 'maximum'],
  'PaginatedLegacyClusterView.results[].diskSizeGB': ['minimum', 'maximum'],
};
/**
 * Response documents are read tolerantly: their enums are open and they require only what core
 * cannot work without (a page's `results`, an item's `id`), whatever the spec requires.
 */
const reading = {
  exceptions,
  subsetOf: ['LegacyAtlasCluster', 'AdvancedClusterDescription', 'ClusterDescription20240805'],
  reading: { required: ['results', 'id'] },
};
/** Error documents keep the spec's required fields (`error`, `errorCode`): core builds its error from them. */
const errorDocuments = { exceptions };

const pairs = [
  ['ApiAtlasCheckpointView', Checkpoint, reading],
  ['ApiCheckpointPartView', CheckpointPart, reading],
  ['ApiBSONTimestampView', BsonTimestamp, reading],
  ['Link', Link, reading],
  ['ApiError', ApiError, errorDocuments],
  ['BadRequestDetail', BadRequestDetail, errorDocuments],
  ['FieldViolation', FieldViolation, errorDocuments],
  ['Group', Group, reading],
  ['ResourceTag', ResourceTag, reading],
  ['PaginatedApiAtlasCheckpointView', CheckpointPage, reading],
  ['PaginatedAtlasGroupView', GroupPage, reading],
  ['PaginatedLegacyClusterView', ClusterPage, reading],
  ['LegacyAtlasCluster', Cluster, reading],
  ['AdvancedClusterDescription', AdvancedClusterDescription, reading],
  ['PaginatedAdvancedClusterDescriptionView', AdvancedClusterDescriptionPage, reading],
  ['ClusterDescription20240805', ClusterDescription20240805, reading],
  ['PaginatedClusterDescription20240805', ClusterDescription20240805Page, reading],
] as const;

function pathParameter(name: string): SpecSchema {
  for (const path of Object.values(spec.paths)) {
    for (const parameter of path.get.parameters as { name?: string; schema?: SpecSchema }[]) {
      if (parameter.name === name && parameter.schema) return parameter.schema;
    }
  }
  throw new Error(`no path parameter ${name}`);
}

describe('schemas conform to the official OpenAPI excerpt', () => {
  it.each(pairs)('%s: every property with the same type, format, pattern, enum, bounds and required', (name, schema, options) => {
    expect(compareWithSpec(spec, ref(name), schema, name, options)).toEqual([]);
  });

  it.each([
    ['2023-02-01', AdvancedClusterDescription],
    ['2024-08-05', ClusterDescription20240805],
  ] as const)('the %s cluster schema carries the fields a browser reads', (_version, schema) => {
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'id',
        'groupId',
        'name',
        'clusterType',
        'stateName',
        'mongoDBVersion',
        'backupEnabled',
        'paused',
        'links',
      ]),
    );
  });

  it('the cluster schema carries the fields a browser needs', () => {
    expect(Object.keys(Cluster.properties)).toEqual(
      expect.arrayContaining([
        'id',
        'groupId',
        'name',
        'clusterType',
        'stateName',
        'mongoDBVersion',
        'mongoDBMajorVersion',
        'backupEnabled',
        'providerBackupEnabled',
        'pitEnabled',
        'paused',
        'numShards',
        'diskSizeGB',
        'createDate',
        'links',
        'tags',
      ]),
    );
  });

  it.each([
    ['groupId', GroupId],
    ['pageNum', PageNum],
    ['itemsPerPage', ItemsPerPage],
    ['includeCount', IncludeCount],
    ['envelope', Envelope],
    ['pretty', Pretty],
  ] as const)('parameter %s', (name, schema) => {
    const parameter = spec.components.parameters[name];
    expect(parameter).toBeDefined();
    expect(compareWithSpec(spec, parameter?.schema ?? {}, schema, name)).toEqual([]);
  });

  it.each([
    ['clusterName', ClusterName],
    ['checkpointId', CheckpointId],
  ] as const)('path parameter %s', (name, schema) => {
    expect(compareWithSpec(spec, pathParameter(name), schema, name)).toEqual([]);
  });

  it('the comparison catches a wrong pattern, a missing property, a wrong enum, a wrong required and the increment exception when not excused', () => {
    const wrong = Type.Object({
      href: Type.String({ pattern: '^x$' }),
    });
    expect(compareWithSpec(spec, ref('Link'), wrong, 'Link')).toEqual([
      'Link.href: pattern undefined vs "^x$"',
      'Link.rel: missing',
      'Link: required [] vs ["href"]',
    ]);
    const part = Type.Object(
      {
        ...CheckpointPart.properties,
        typeName: Type.Optional(Type.Union([Type.Literal('REPLICA_SET'), Type.Literal('CONFIG_SERVER')], { readOnly: true })),
      },
      { readOnly: true },
    );
    expect(compareWithSpec(spec, ref('ApiCheckpointPartView'), part, 'Part')).toEqual([
      'Part.tokenTimestamp.increment: minimum 1199145600 vs 0',
      'Part.typeName: enum ["REPLICA_SET","CONFIG_SERVER","CONFIG_SERVER_REPLICA_SET"] vs ["REPLICA_SET","CONFIG_SERVER"]',
    ]);
  });

  it('in reading mode it catches a closed enum and a required field core does not need', () => {
    const closed = Type.Object(
      {
        ...CheckpointPart.properties,
        typeName: Type.Optional(
          Type.Union([Type.Literal('REPLICA_SET'), Type.Literal('CONFIG_SERVER'), Type.Literal('CONFIG_SERVER_REPLICA_SET')], {
            readOnly: true,
          }),
        ),
      },
      { readOnly: true },
    );
    expect(compareWithSpec(spec, ref('ApiCheckpointPartView'), closed, 'Part', reading)).toEqual([
      'Part.tokenTimestamp.increment: minimum 1199145600 vs 0',
      'Part.typeName: enum is closed (reading needs an open enum)',
    ]);
    const strictTag = Type.Object({ key: Type.String({ minLength: 1, maxLength: 255 }), value: Type.String() });
    expect(compareWithSpec(spec, ref('ResourceTag'), strictTag, 'Tag', reading)).toContain('Tag: required [] vs ["key","value"]');
    expect(compareWithSpec(spec, ref('ApiCheckpointPartView'), CheckpointPart, 'Part', errorDocuments)).toContain(
      'Part.typeName: enum is open',
    );
  });
});
