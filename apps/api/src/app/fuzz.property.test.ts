import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';
import { tokenEntry } from '../test-helpers/tokens.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ tokens: [tokenEntry('fuzz', 'fuzz-token', ['*'])] }, {}, undefined, { listen: true });
});
afterAll(async () => {
  await h.close();
});

const hex = (c: { minLength: number; maxLength: number }) => fc.string({ ...c, unit: fc.constantFrom(...'0123456789abcdef') });
const segment = fc.oneof(
  fc.constantFrom('api', 'atlas', 'v2', 'groups', 'clusters', 'backupCheckpoints', '..', '.', '', '%00', '%2F', 'a'.repeat(300)),
  hex({ minLength: 0, maxLength: 30 }),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);
const queryValue = fc.oneof(
  fc.constantFrom('true', 'false', '0', '1', '-1', '501', '1e3', '', '%', 'TRUE'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const query = fc.array(
  fc.tuple(fc.constantFrom('pageNum', 'itemsPerPage', 'includeCount', 'pretty', 'envelope', 'foo', 'pageNum'), queryValue),
  { maxLength: 5 },
);
const header = fc.oneof(
  fc.constant<[string, string]>(['authorization', 'Bearer fuzz-token']),
  fc.tuple(
    fc.constantFrom('authorization', 'accept', 'accept-encoding', 'if-none-match', 'x-anything'),
    fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  ),
);

describe('fuzzed requests', () => {
  it('always get a well-formed answer, never a 500', async () => {
    const groupId = h.groupId;
    const clusterName = h.clusterName;
    const pathArb = fc.oneof(
      fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`),
      fc.constantFrom(
        '/api/atlas/v2/groups',
        `/api/atlas/v2/groups/${groupId}/clusters`,
        `/api/atlas/v2/groups/${groupId}/clusters/${clusterName}/backupCheckpoints`,
      ),
      fc
        .tuple(hex({ minLength: 20, maxLength: 28 }), segment)
        .map(([g, c]) => `/api/atlas/v2/groups/${g}/clusters/${c}/backupCheckpoints`),
    );
    await fc.assert(
      fc.asyncProperty(
        pathArb,
        query,
        fc.array(header, { maxLength: 4 }),
        fc.constantFrom('GET', 'HEAD', 'POST', 'DELETE'),
        async (path, q, headers, method) => {
          const search = q.map(([k, v]) => `${k}=${v}`).join('&');
          const init: RequestInit = { method, headers: headers.filter(([, v]) => v !== '') };
          let res: Response;
          try {
            res = await fetch(`${h.server.url}${path}${search ? `?${search}` : ''}`, init);
          } catch {
            return; // the client itself refused to build the request
          }
          expect(res.status).toBeLessThan(500);
          const text = await res.text();
          if (res.status >= 400 && method !== 'HEAD' && res.status !== 431) {
            expect(res.headers.get('content-type')).toBe('application/json');
            const body = JSON.parse(text) as { error: number; errorCode: string };
            expect(body.error).toBe(res.status);
            expect(res.headers.get('x-error-code')).toBe(body.errorCode);
          } else if (res.status === 200 && method === 'GET' && path.startsWith('/api/')) {
            expect(res.headers.get('content-type')).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
            expect(() => JSON.parse(text) as unknown).not.toThrow();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
