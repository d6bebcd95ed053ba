import { expandPath, OPERATION_LIST, versionHeaders, type Operation } from '@atlas-checkpoints/core';
import { createSpecValidator, createVersionSweep } from '@atlas-checkpoints/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';

const spec = createSpecValidator();
let h: Harness;
let sample: Record<string, string>;
beforeAll(async () => {
  // `demo`: a project with every kind of backup, so each operation has a document to serve.
  h = await startHarness({}, { demo: true });
  sample = { groupId: h.groupId, clusterName: h.clusterName, checkpointId: String(h.checkpointIds[0]) };
});
afterAll(async () => {
  await h.close();
});

const pathOf = (operation: Operation) => expandPath(operation, { ...sample, ...h.pathValues(operation) });
const byMethod = (method: string) => OPERATION_LIST.find((op) => op.method === method) as Operation;
const servedVersion = (response: Response) =>
  /^application\/vnd\.atlas\.([\d-]+)\+json;charset=utf-8$/.exec(response.headers.get('content-type') ?? '')?.[1];

const daysFor = createVersionSweep();

describe('the proxy negotiates API versions as Atlas does, and caches per resolved version', () => {
  it("answers the documentation's own request (Accept 2025-03-12, ?pretty=true) with 200 and version 2023-01-01", async () => {
    const op = byMethod('listClusterBackupCheckpoints');
    const response = await h.fetch(`${h.url}${pathOf(op)}?pretty=true`, {
      headers: { accept: 'application/vnd.atlas.2025-03-12+json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    expect(response.headers.get('deprecation')).toMatch(/^@\d+$/);
    const text = await response.text();
    expect(text).toContain('\n  "results": [');
    expect(spec.validate(op.operationId, 200, JSON.parse(text), '2023-01-01').errors).toEqual([]);
  });

  it('serves every operation at every version date from its first version to today, asking upstream once per version', async () => {
    h.fake.clearRequests();
    const validated = new Set<string>();
    for (const op of OPERATION_LIST) {
      const versions = op.versions.map((v) => v.version as string);
      for (const [i, day] of daysFor(op.operationId, versions).entries()) {
        // A hit is answered without ever yielding to I/O: let timers and sockets run now and then,
        // or the upstream connection's keep-alive timers all fire at once after a long run of hits.
        if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
        const response = await h.proxy.app.request(`http://127.0.0.1${pathOf(op)}`, {
          headers: { accept: `application/vnd.atlas.${day}+json` },
        });
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
    const asked = h.fake.requests().map((r) => `${r.route} ${/[\d-]{10}/.exec(r.accept ?? '')?.[0]}`);
    const expected = OPERATION_LIST.flatMap((op) => op.versions.map((v) => `${op.operationId} ${v.version}`));
    expect([...validated].sort()).toEqual([...expected].sort());
    // Once per (operation, version) at most: what an earlier test cached is not asked again.
    expect(new Set(asked).size).toBe(asked.length);
    for (const entry of asked) expect(expected).toContain(entry);
    expect(asked.length).toBeGreaterThanOrEqual(expected.length - 1);
  }, 120_000);

  it('serves the clusters list at each of its three versions, each in its own schema, with Deprecation and Sunset', async () => {
    const op = byMethod('listClusters');
    for (const { version } of op.versions) {
      const response = await h.fetch(`${h.url}${pathOf(op)}`, {
        headers: { accept: `application/vnd.atlas.${version}+json` },
      });
      const body: unknown = await response.json();
      expect(spec.validate(op.operationId, 200, body, version).errors).toEqual([]);
      const { 'content-type': contentType, ...lifecycle } = versionHeaders(op, version);
      expect(response.headers.get('content-type')).toBe(contentType);
      expect(response.headers.get('deprecation') ?? undefined).toBe(lifecycle.deprecation);
      expect(response.headers.get('sunset') ?? undefined).toBe(lifecycle.sunset);
      const direct = await h.fake.fetch(pathOf(op), { headers: { accept: `application/vnd.atlas.${version}+json` } });
      const upstream = (await direct.json()) as { results: Array<Record<string, unknown>> };
      expect((body as { results: Array<{ id: unknown }> }).results.map((c) => c.id)).toEqual(upstream.results.map((c) => c.id));
    }
  });

  it('answers 406 for a date before the first version and for what is not a date, without asking upstream', async () => {
    h.fake.clearRequests();
    for (const op of OPERATION_LIST) {
      const early = await h.fetch(`${h.url}${pathOf(op)}`, { headers: { accept: 'application/vnd.atlas.2022-12-31+json' } });
      expect([early.status, early.headers.get('x-error-code')]).toEqual([406, 'NOT_ACCEPTABLE']);
      const junk = await h.fetch(`${h.url}${pathOf(op)}`, { headers: { accept: 'application/vnd.atlas.latest+json' } });
      expect([junk.status, junk.headers.get('x-error-code')]).toEqual([406, 'INVALID_VERSION_DATE']);
      expect(spec.validate(op.operationId, 406, await junk.json()).errors).toEqual([]);
    }
    expect(h.fake.requests()).toEqual([]);
  });
});
