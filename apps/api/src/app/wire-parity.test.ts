import { expandPath, OPERATION_LIST, type Operation } from '@atlas-checkpoints/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';

/**
 * The fake Atlas and the proxy answer the same request set identically: status, error code,
 * content type, deprecation headers and body (each server's own origin in links aside). Both run
 * core's wire layer, so they cannot drift; this test is what says so.
 */
let h: Harness;
let valid: Map<Operation, string>;
const missing = 'f'.repeat(24);

beforeAll(async () => {
  // The fake and the proxy are both asked over HTTP, the same way.
  // Restore jobs do not advance as they are read: both servers must see the same documents.
  h = await startHarness({}, { demo: true, advanceRestoreJobs: false }, undefined, { listen: true });
  valid = new Map(OPERATION_LIST.map((op) => [op, expandPath(op, h.pathValues(op))]));
});
afterAll(async () => {
  await h.close();
});

const LIST_QUERIES = [
  '',
  'pageNum=2&itemsPerPage=3',
  'pageNum=02&itemsPerPage=%2B3',
  'PAGENUM=2&ItemsPerPage=3',
  'pageNum=0',
  'pageNum=-1',
  'pageNum=1.5',
  'pageNum=abc',
  'pageNum=1e3',
  'pageNum=',
  'pageNum=2&pageNum=x',
  'pageNum=x&pageNum=2',
  'pageNum=99999&itemsPerPage=500',
  'itemsPerPage=500',
  'itemsPerPage=501',
  'itemsPerPage=0',
  'itemsPerPage=ten',
  'itemsPerPage=',
  'includeCount=false',
  'includeCount=FALSE',
  'includeCount=True',
  'includeCount=yes',
  'includeCount=1',
  'pretty=true',
  'pretty=TRUE',
  'pretty=1',
  'envelope=true',
  'envelope=True&pretty=true&includeCount=false&itemsPerPage=2',
  'envelope=yes',
  'unknown=1&utm_source=mail&_=1700000000',
  'includeDeletedWithRetainedBackups=true',
  'includeDeletedWithRetainedBackups=TRUE',
  'includeDeletedWithRetainedBackups=maybe',
  'pageNum=0&itemsPerPage=ten&pretty=yes',
];
const RESOURCE_QUERIES = [
  '',
  'pretty=true',
  'envelope=true',
  'envelope=TRUE&pretty=True',
  'pretty=yes',
  'pageNum=abc&itemsPerPage=0',
];
const ACCEPTS = [
  undefined,
  '*/*',
  'application/*',
  'application/json',
  'application/vnd.atlas.2023-01-01+json',
  'application/vnd.atlas.2023-02-01+json',
  'application/vnd.atlas.2024-08-04+json',
  'application/vnd.atlas.2024-08-05+json',
  'application/vnd.atlas.2025-03-12+json',
  'application/vnd.atlas.2022-12-31+json',
  'application/vnd.atlas.latest+json',
  'application/vnd.atlas.2023-02-30+json',
  'application/vnd.atlas.2023-01-01+csv',
  'text/html',
  'text/html;q=0.9, application/vnd.atlas.2024-08-05+json;q=0.5',
  'application/vnd.atlas.2024-08-05+json;q=0, application/json',
];

interface Answer {
  status: number;
  errorCode: string | null;
  contentType: string | null;
  deprecation: string | null;
  sunset: string | null;
  body: string;
}

async function answer(base: string, path: string, accept: string | undefined): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { headers: accept === undefined ? {} : { accept } });
  return {
    status: response.status,
    errorCode: response.headers.get('x-error-code'),
    contentType: response.headers.get('content-type'),
    deprecation: response.headers.get('deprecation'),
    sunset: response.headers.get('sunset'),
    body: (await response.text()).replaceAll(base, 'ORIGIN'),
  };
}

async function same(path: string, accept?: string): Promise<Answer> {
  const [fake, proxy] = await Promise.all([answer(h.upstream.url, path, accept), answer(h.server.url, path, accept)]);
  expect(proxy, `${path} Accept: ${accept ?? '-'}`).toEqual(fake);
  return fake;
}

describe('the fake and the proxy answer alike (one wire layer)', () => {
  it('every parameter spelling, bad value and route-specific parameter, on every operation', async () => {
    const statuses = new Set<string>();
    for (const [op, path] of valid) {
      for (const query of op.shape === 'list' ? LIST_QUERIES : RESOURCE_QUERIES) {
        const result = await same(query ? `${path}?${query}` : path);
        statuses.add(`${result.status} ${result.errorCode ?? ''}`);
      }
    }
    expect([...statuses].sort()).toEqual(['200 ', '400 INVALID_ITEMS_PER_PAGE', '400 VALIDATION_ERROR']);
  });

  it('every Accept variant, on every operation', async () => {
    const statuses = new Set<string>();
    for (const path of valid.values()) {
      for (const accept of ACCEPTS) {
        const result = await same(path, accept);
        statuses.add(`${result.status} ${result.errorCode ?? ''} ${result.contentType ?? ''}`);
      }
    }
    expect([...statuses].sort()).toEqual([
      '200  application/vnd.atlas.2023-01-01+json;charset=utf-8',
      '200  application/vnd.atlas.2023-02-01+json;charset=utf-8',
      '200  application/vnd.atlas.2024-08-05+json;charset=utf-8',
      '406 INVALID_VERSION_DATE application/json',
      '406 NOT_ACCEPTABLE application/json',
    ]);
  });

  it('bad and missing path parameters, unknown paths, and the order errors are found in', async () => {
    const paths = [
      '/api/atlas/v2/groups/nope/clusters',
      `/api/atlas/v2/groups/${missing}/clusters`,
      `/api/atlas/v2/groups/${h.groupId}/clusters/bad_name/backupCheckpoints`,
      `/api/atlas/v2/groups/${h.groupId}/clusters/Nope/backupCheckpoints`,
      `/api/atlas/v2/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints/xyz`,
      `/api/atlas/v2/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints/${missing}`,
      `/api/atlas/v2/groups/${h.groupId}/clusters/${'C'.repeat(80)}/backupCheckpoints`,
      '/api/atlas/v2/nothing',
      '/api/atlas/v2/groups/nope/clusters?pageNum=0',
    ];
    const codes: string[] = [];
    for (const path of paths) codes.push((await same(path)).errorCode ?? '');
    expect(codes).toEqual([
      'INVALID_ATTRIBUTE',
      'GROUP_NOT_FOUND',
      'INVALID_ATTRIBUTE',
      'CLUSTER_NOT_FOUND',
      'INVALID_ATTRIBUTE',
      'CHECKPOINT_NOT_FOUND',
      'CLUSTER_NOT_FOUND',
      'RESOURCE_NOT_FOUND',
      'INVALID_ATTRIBUTE',
    ]);
    // Accept is checked first, then the path, then the query.
    expect((await same('/api/atlas/v2/groups/nope/clusters?pageNum=0', 'application/vnd.atlas.latest+json')).errorCode).toBe(
      'INVALID_VERSION_DATE',
    );
  });

  it('any mix of parameter names, spellings and Accept headers (property)', async () => {
    const name = fc.constantFrom(
      'pageNum',
      'itemsPerPage',
      'includeCount',
      'pretty',
      'envelope',
      'includeDeletedWithRetainedBackups',
      'x',
    );
    const value = fc.oneof(
      fc.constantFrom('true', 'FALSE', 'True', '0', '1', '2', '02', '%2B3', '-1', '500', '501', '', 'yes', '1.5', '1e2'),
      fc.string({ maxLength: 6 }).map(encodeURIComponent),
    );
    const accept = fc.option(
      fc.oneof(
        fc.constantFrom(...ACCEPTS.filter((a): a is string => a !== undefined)),
        fc
          .date({ min: new Date('2022-06-01'), max: new Date('2026-01-01'), noInvalidDate: true })
          .map((d) => `application/vnd.atlas.${d.toISOString().slice(0, 10)}+json`),
      ),
      { nil: undefined },
    );
    const paths = [...valid.values()];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.array(fc.tuple(name, value), { maxLength: 4 }),
        accept,
        async (path, pairs, a) => {
          const search = pairs.map(([k, v]) => `${k}=${v}`).join('&');
          await same(search ? `${path}?${search}` : path, a);
        },
      ),
      { numRuns: 150 },
    );
  });
});
