import { createAtlasClient, isAtlasApiError, isAtlasRequestError } from '@atlas-checkpoints/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeAtlas, generateFixtures, type RunningServer } from '../../src/index.js';
import { bothTransports, recordedRetry, type Transport } from './transports.js';

const fixtures = generateFixtures({ seed: 8, projects: 2, clustersPerProject: 1, checkpointsPerCluster: 10 });
const fake = createFakeAtlas({ fixtures });
let server: RunningServer;
let transports: Transport[] = [];

beforeAll(async () => {
  ({ server, transports } = await bothTransports(fake));
});
afterAll(() => server.close());
afterEach(() => fake.faults.clear());

describe.each([0, 1])('core retries through the fake faults (transport %i)', (index) => {
  const make = (limit = 3) => {
    const t = transports[index]!;
    const recorded = recordedRetry(limit);
    return {
      ...recorded,
      client: createAtlasClient({ baseUrl: t.baseUrl, ...(t.fetch ? { fetch: t.fetch } : {}), retry: recorded.retry }),
    };
  };

  it('retries through a 429 burst, honouring Retry-After', async () => {
    fake.clearRequests();
    fake.faults.rateLimitNext(2, { retryAfterSeconds: 2 });
    const { client, waits } = make();
    expect((await client.listProjects({})).totalCount).toBe(2);
    expect(fake.requests().map((r) => r.status)).toEqual([429, 429, 200]);
    expect(waits).toEqual([2000, 2000]);
  });

  it('surfaces RATE_LIMITED with retryAfterMs once retries run out', async () => {
    fake.faults.rateLimitNext(3, { retryAfterSeconds: 4 });
    const error = await make(1)
      .client.listProjects({})
      .catch((e: unknown) => e);
    expect(isAtlasApiError(error) && [error.status, error.errorCode, error.retryAfterMs]).toEqual([429, 'RATE_LIMITED', 4000]);
  });

  it('retries through 500 and 503 faults', async () => {
    fake.clearRequests();
    fake.faults.failNext(1, { status: 500 });
    fake.faults.failNext(1, { status: 503 });
    const { client } = make();
    expect((await client.listProjects({})).results).toHaveLength(2);
    expect(fake.requests().map((r) => r.status)).toEqual([500, 503, 200]);
  });

  it('gives up after the retry limit with the last AtlasApiError', async () => {
    fake.faults.failNext(5, { status: 500 });
    const { client } = make(2);
    const error = await client.listProjects({}).catch((e: unknown) => e);
    expect(isAtlasApiError(error) && error.status).toBe(500);
    expect(fake.faults.pending()[0]?.times).toBe(2);
  });

  it('retries through a dropped connection and a truncated body', async () => {
    fake.faults.dropNext(1);
    fake.faults.truncateNext(1);
    const { client } = make();
    expect((await client.listProjects({})).results).toHaveLength(2);
    expect(fake.faults.pending()).toEqual([]);
  });

  it('a drop with retries disabled is an AtlasRequestError of kind network', async () => {
    fake.faults.dropNext(1);
    const error = await make(0)
      .client.listProjects({})
      .catch((e: unknown) => e);
    expect(isAtlasRequestError(error) && error.kind).toBe('network');
  });

  it('does not retry a 404', async () => {
    fake.clearRequests();
    const error = await make()
      .client.listClusters({ groupId: 'a'.repeat(24) })
      .catch((e: unknown) => e);
    expect(isAtlasApiError(error) && error.errorCode).toBe('GROUP_NOT_FOUND');
    expect(fake.requests()).toHaveLength(1);
  });
});
