import { describe, expect, expectTypeOf, it } from 'vitest';
import { createAtlasClient } from '../client/create-atlas-client.js';
import { apiError, checkpoint, CLUSTER, GROUP_ID, json, stubFetch } from '../client/test-helpers/stub-fetch.js';
import type { Checkpoint } from '../schemas/checkpoint.js';
import { paginate } from './paginate.js';

const TOTAL = 23;
const ids = Array.from({ length: TOTAL }, (_, i) => i.toString(16).padStart(24, '0'));

/** Serves TOTAL checkpoints like Atlas (`totalCount` as `reported`); `rateLimit(pageNum)` may answer 429 instead. */
function atlas(rateLimit: (pageNum: number) => boolean = () => false, reported = TOTAL) {
  return stubFetch((request) => {
    const url = new URL(request.url);
    const pageNum = Number(url.searchParams.get('pageNum') ?? 1);
    const size = Number(url.searchParams.get('itemsPerPage') ?? 100);
    if (rateLimit(pageNum)) return apiError(429, 'RATE_LIMITED', { 'retry-after': '0' });
    const results = ids.slice((pageNum - 1) * size, pageNum * size).map((id) => checkpoint(id));
    const links = [{ rel: 'self', href: request.url }];
    if (pageNum * size < TOTAL)
      links.push({ rel: 'next', href: `${url.origin}${url.pathname}?pageNum=${pageNum + 1}&itemsPerPage=${size}` });
    return json({ links, results, ...(url.searchParams.get('includeCount') === 'false' ? {} : { totalCount: reported }) });
  });
}

describe('paginate over the client', () => {
  it('walks every checkpoint with the client method, items typed as Checkpoint', async () => {
    const stub = atlas();
    const client = createAtlasClient({ fetch: stub.fetch });
    const it = paginate(
      client.listClusterBackupCheckpoints,
      { groupId: GROUP_ID, clusterName: CLUSTER },
      { itemsPerPage: 5, concurrency: 3 },
    );
    const items = await it.toArray({ limit: 1000 });
    expectTypeOf(items).toEqualTypeOf<Checkpoint[]>();
    expect(items.map((item) => item.id)).toEqual(ids);
    expect(stub.requests).toHaveLength(5);
  });

  it('follows next links with includeCount=false', async () => {
    const stub = atlas();
    const client = createAtlasClient({ fetch: stub.fetch });
    const it = paginate(
      client.listClusterBackupCheckpoints,
      { groupId: GROUP_ID, clusterName: CLUSTER },
      { itemsPerPage: 10, includeCount: false },
    );
    expect((await it.toArray({ limit: 100 })).map((item) => item.id)).toEqual(ids);
    expect(stub.requests.map((r) => new URL(r.url).searchParams.get('pageNum'))).toEqual(['1', '2', '3']);
  });

  it('a 429 the client retried costs the page two requests, and the walk still gets every item', async () => {
    let limited = 0;
    const stub = atlas((pageNum) => pageNum === 4 && limited++ < 1);
    const client = createAtlasClient({ fetch: stub.fetch, retry: { sleep: () => Promise.resolve() } });
    const it = paginate(
      client.listClusterBackupCheckpoints,
      { groupId: GROUP_ID, clusterName: CLUSTER },
      { itemsPerPage: 5, concurrency: 4 },
    );
    expect((await it.toArray({ limit: 100 })).map((item) => item.id)).toEqual(ids);
    expect(stub.requests.filter((request) => new URL(request.url).searchParams.get('pageNum') === '4')).toHaveLength(2);
  });

  it('retries have one owner: under sustained 429 a page costs retry.limit + 1 requests, then the walk fails', async () => {
    const stub = atlas((pageNum) => pageNum === 3);
    const client = createAtlasClient({ fetch: stub.fetch, retry: { limit: 3, sleep: () => Promise.resolve() } });
    const it = paginate(
      client.listClusterBackupCheckpoints,
      { groupId: GROUP_ID, clusterName: CLUSTER },
      { itemsPerPage: 5, concurrency: 4 },
    );
    await expect(it.toArray({ limit: 100 })).rejects.toMatchObject({ name: 'AtlasApiError', status: 429 });
    // 4, not 4 × 6 = 24 (the client's retries times the paginator's own)
    expect(stub.requests.filter((request) => new URL(request.url).searchParams.get('pageNum') === '3')).toHaveLength(4);
  });

  it('a count lower than the list (Atlas calls it an estimate): the walk follows next links to the end', async () => {
    const stub = atlas(() => false, 10);
    const client = createAtlasClient({ fetch: stub.fetch });
    const it = paginate(
      client.listClusterBackupCheckpoints,
      { groupId: GROUP_ID, clusterName: CLUSTER },
      { itemsPerPage: 5, concurrency: 3 },
    );
    expect((await it.toArray({ limit: 100 })).map((item) => item.id)).toEqual(ids);
    expect(it.report).toMatchObject({ totalCountLow: true, initialTotal: 10 });
  });

  it('listProjects needs no params beyond {}', async () => {
    const stub = stubFetch(() => json({ results: [], totalCount: 0 }));
    const it = paginate(createAtlasClient({ fetch: stub.fetch }).listProjects, {});
    expect(await it.toArray({ limit: 1 })).toEqual([]);
  });

  it('invalid ids fail before any request', async () => {
    const stub = atlas();
    const client = createAtlasClient({ fetch: stub.fetch });
    const it = paginate(client.listClusterBackupCheckpoints, { groupId: 'bad', clusterName: CLUSTER });
    await expect(it.toArray({ limit: 10 })).rejects.toMatchObject({ name: 'InvalidParameterError', parameter: 'groupId' });
    expect(stub.requests).toHaveLength(0);
  });
});
