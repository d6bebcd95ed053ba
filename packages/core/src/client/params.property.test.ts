import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInvalidParameterError } from '../errors/invalid-parameter-error.js';
import { createAtlasClient } from './create-atlas-client.js';
import { GROUP_ID, page, stubFetch } from './test-helpers/stub-fetch.js';

const OBJECT_ID = /^([a-f0-9]{24})$/;
const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
const hexId = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 24, maxLength: 24 });
const clusterName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,40}$/);

describe('parameter validation (property)', () => {
  it('any groupId: valid ones are sent (encoded in the path), invalid ones never leave', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hexId, fc.string(), fc.constant('')), async (groupId) => {
        const stub = stubFetch(() => page([], 0));
        const result = await createAtlasClient({ fetch: stub.fetch })
          .listClusters({ groupId })
          .catch((e: unknown) => e);
        if (OBJECT_ID.test(groupId)) {
          expect(stub.requests[0]?.url).toBe(`https://cloud.mongodb.com/api/atlas/v2/groups/${groupId}/clusters`);
        } else {
          expect(isInvalidParameterError(result)).toBe(true);
          expect(stub.requests).toHaveLength(0);
        }
      }),
    );
  });

  it('any clusterName: only names matching the spec pattern are sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(clusterName, fc.string()), async (name) => {
        const stub = stubFetch(() => page([], 0));
        const result = await createAtlasClient({ fetch: stub.fetch })
          .listClusterBackupCheckpoints({ groupId: GROUP_ID, clusterName: name })
          .catch((e: unknown) => e);
        if (CLUSTER_NAME.test(name)) {
          expect(new URL(stub.requests[0]?.url ?? '').pathname).toBe(
            `/api/atlas/v2/groups/${GROUP_ID}/clusters/${name}/backupCheckpoints`,
          );
        } else {
          expect(result).toMatchObject({ name: 'InvalidParameterError', parameter: 'clusterName' });
          expect(stub.requests).toHaveLength(0);
        }
      }),
    );
  });

  it('any pageNum / itemsPerPage: in range goes out as the query, out of range is refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: -5, max: 600 }), fc.double(), fc.constant(1e21)),
        fc.integer({ min: -5, max: 600 }),
        async (pageNum, itemsPerPage) => {
          const stub = stubFetch(() => page([], 0));
          const result = await createAtlasClient({ fetch: stub.fetch })
            .listProjects({ pageNum, itemsPerPage })
            .catch((e: unknown) => e);
          const valid = Number.isSafeInteger(pageNum) && pageNum >= 1 && itemsPerPage >= 1 && itemsPerPage <= 500;
          if (valid) {
            expect(stub.requests[0]?.url).toBe(
              `https://cloud.mongodb.com/api/atlas/v2/groups?pageNum=${pageNum}&itemsPerPage=${itemsPerPage}`,
            );
          } else {
            expect(isInvalidParameterError(result)).toBe(true);
            expect(stub.requests).toHaveLength(0);
          }
        },
      ),
    );
  });
});
