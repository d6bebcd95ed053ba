import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAtlasClient } from '../client/create-atlas-client.js';
import { AdvancedClusterDescription } from './advanced-cluster-description.js';
import { Cluster } from './cluster.js';
import { ClusterDescription20240805 } from './cluster-description-20240805.js';
import { AdvancedClusterDescriptionPage, ClusterDescription20240805Page } from './pages.js';
import { readerFor } from './shape-check.js';
import { loadSpec, specDocument, type Sent } from './test-helpers/spec-arbitrary.js';
import { CheckpointCheck, CheckpointPageCheck, ClusterPageCheck, GroupPageCheck } from './validators.js';

const spec = loadSpec();
const url = 'https://cloud.mongodb.com/api/atlas/v2/groups/5f4007f327a3bd7b6f4103c5/clusters/Cluster0/backupCheckpoints';
// Atlas always sends an item's id (the spec marks it optional); core requires it.
const always = ['id'];
// Core reads the cluster fields it names; the rest of a cluster is kept unvalidated.
const only = {
  LegacyAtlasCluster: Object.keys(Cluster.properties),
  AdvancedClusterDescription: Object.keys(AdvancedClusterDescription.properties),
  ClusterDescription20240805: Object.keys(ClusterDescription20240805.properties),
};

const checkpointPages = specDocument(spec, 'PaginatedApiAtlasCheckpointView', { always });
const groupPages = specDocument(spec, 'PaginatedAtlasGroupView', { always });
const clusterPages = specDocument(spec, 'PaginatedLegacyClusterView', { always, only });
const advancedClusterPages = specDocument(spec, 'PaginatedAdvancedClusterDescriptionView', { always, only });
const clusterPages20240805 = specDocument(spec, 'PaginatedClusterDescription20240805', { always, only });
const checkpoints = specDocument(spec, 'ApiAtlasCheckpointView', { always });

const resultsOf = (sent: unknown) => (sent as { results: unknown[] }).results;

describe('tolerant reading (property): any spec-valid document with unknown enum values, nulls and unknown fields', () => {
  it.each([
    ['a checkpoint page', checkpointPages, CheckpointPageCheck],
    ['a project page', groupPages, GroupPageCheck],
    ['a cluster page (2023-01-01)', clusterPages, ClusterPageCheck],
    ['a cluster page (2023-02-01)', advancedClusterPages, readerFor(AdvancedClusterDescriptionPage)],
    ['a cluster page (2024-08-05)', clusterPages20240805, readerFor(ClusterDescription20240805Page)],
  ] as const)('%s decodes with every item kept, unknown values kept and tolerated nulls read as absent', (_, pages, check) => {
    fc.assert(
      fc.property(pages, ({ input, expected }: Sent) => {
        const decoded = check.decode(structuredClone(input), url);
        expect(decoded.results).toHaveLength(resultsOf(input).length);
        expect(decoded).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a single checkpoint decodes the same way', () => {
    fc.assert(
      fc.property(checkpoints, ({ input, expected }) => {
        expect(CheckpointCheck.decode(structuredClone(input), url)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('through the client: listClusterBackupCheckpoints returns every item of such a page', async () => {
    await fc.assert(
      fc.asyncProperty(checkpointPages, async ({ input, expected }) => {
        const text = JSON.stringify(input);
        const client = createAtlasClient({
          fetch: () => Promise.resolve(new Response(text, { headers: { 'content-type': 'application/json' } })),
          retry: 0,
        });
        const page = await client.listClusterBackupCheckpoints({ groupId: '5f4007f327a3bd7b6f4103c5', clusterName: 'Cluster0' });
        expect(page).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 100 },
    );
  });
});
