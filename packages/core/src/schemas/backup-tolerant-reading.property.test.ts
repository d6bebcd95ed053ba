import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAtlasClient } from '../client/create-atlas-client.js';
import { OPERATIONS } from '../wire/operations.js';
import { CloudBackupSchedule, CloudBackupSchedule20240805 } from './cloud-backup-schedule.js';
import { readerFor } from './shape-check.js';
import { loadSpec, specDocument, type Sent } from './test-helpers/spec-arbitrary.js';

const spec = loadSpec('atlas-openapi-backup-excerpt.json');
const url = 'https://cloud.mongodb.com/api/atlas/v2/groups/5f4007f327a3bd7b6f4103c5/clusters/Cluster0/backup/snapshots';
// Atlas always sends an item's id (the spec marks it optional); core requires it.
const always = ['id'];
// A copy policy item is a oneOf the generator cannot build: schedules are generated without copy settings.
const without = (names: string[], drop: string) => names.filter((name) => name !== drop);
const only = {
  DiskBackupSnapshotSchedule: without(Object.keys(CloudBackupSchedule.properties), 'copySettings'),
  DiskBackupSnapshotSchedule20240805: without(Object.keys(CloudBackupSchedule20240805.properties), 'copySettings'),
};

/** Every version of every backup operation: its spec document and core's reader for it. */
const cases = Object.values(OPERATIONS)
  .filter((op) => /\/(backup\/|snapshots|restoreJobs|snapshotSchedule)/.test(op.path))
  .flatMap((op) =>
    op.versions.map(
      (version) => [`${op.operationId} ${version.version} (${version.component})`, version.component, version.schema] as const,
    ),
  );

describe('tolerant reading of the backup documents (property): spec-valid, with unknown enum values, nulls and unknown fields', () => {
  it('covers the twelve operations at each of their versions', () => {
    expect(cases).toHaveLength(13);
  });

  it.each(cases)('%s decodes with unknown values kept and tolerated nulls read as absent', (_, component, schema) => {
    const documents = specDocument(spec, component, { always, only });
    const check = readerFor(schema);
    fc.assert(
      fc.property(documents, ({ input, expected }: Sent) => {
        expect(check.decode(structuredClone(input), url)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('through the client: listLegacyRestoreJobs returns every item of such a page', async () => {
    await fc.assert(
      fc.asyncProperty(specDocument(spec, 'PaginatedRestoreJobView', { always }), async ({ input, expected }) => {
        const text = JSON.stringify(input);
        const client = createAtlasClient({
          fetch: () => Promise.resolve(new Response(text, { headers: { 'content-type': 'application/json' } })),
          retry: 0,
        });
        const page = await client.listLegacyRestoreJobs({ groupId: '5f4007f327a3bd7b6f4103c5', clusterName: 'Cluster0' });
        expect(page).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 60 },
    );
  });
});
