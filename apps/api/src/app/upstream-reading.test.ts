import { createSpecValidator } from '@atlas-checkpoints/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-helpers/setup.js';

const V2 = '/api/atlas/v2';
const spec = createSpecValidator();
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Json = Record<string, unknown>;

/** An upstream transport that rewrites Atlas's JSON bodies: what a newer (or estimating) Atlas sends. */
function rewriting(transform: (url: URL, body: Json) => Json) {
  return async (input: Request, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !type.includes('json')) return response;
    const body = transform(new URL(input.url), (await response.json()) as Json);
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(body), { status: response.status, headers });
  };
}

/** A checkpoint as a newer Atlas may send it: a part type this client does not know, and `"shardName": null`. */
function newer(checkpoint: Json): Json {
  const parts = (checkpoint['parts'] as Json[]).map((part, i) =>
    i === 0 ? { ...part, typeName: 'ANALYTICS_SHARD_REPLICA_SET' } : i === 1 ? { ...part, shardName: null } : part,
  );
  return { ...checkpoint, parts };
}

describe('the proxy re-serves what Atlas sends: tolerant reading, truthful pass-through', () => {
  it('an unknown enum value passes through as sent (200, not 502); null in an optional field is left out', async () => {
    h = await startHarness({
      upstreamFetch: rewriting((url, body) => {
        if (url.pathname.endsWith('/backupCheckpoints')) return { ...body, results: (body['results'] as Json[]).map(newer) };
        if (url.pathname.includes('/backupCheckpoints/')) return newer(body);
        if (url.pathname.endsWith('/clusters'))
          return { ...body, results: (body['results'] as Json[]).map((c) => ({ ...c, stateName: 'HIBERNATING', paused: null })) };
        return body;
      }),
    });
    const list = await h.fetch(`${h.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints?itemsPerPage=5`);
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain('null');
    const page = JSON.parse(text) as { results: Array<{ id: string; parts: Json[] }> };
    expect(page.results).toHaveLength(5);
    expect(page.results.every((c) => c.parts[0]?.['typeName'] === 'ANALYTICS_SHARD_REPLICA_SET')).toBe(true);
    expect(page.results.every((c) => !('shardName' in (c.parts[1] ?? {})))).toBe(true);
    // Everything the proxy adds is spec-valid; the only difference from the spec is the value Atlas sent.
    const errors = spec.validate('listGroupClusterBackupCheckpoints', 200, page).errors;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => /\/parts\/0\/typeName/.test(error))).toBe(true);

    const one = await h.fetch(
      `${h.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints/${page.results[0]?.id}`,
    );
    expect(one.status).toBe(200);
    expect(((await one.json()) as { parts: Json[] }).parts[0]?.['typeName']).toBe('ANALYTICS_SHARD_REPLICA_SET');

    const clusters = await h.fetch(`${h.url}${V2}/groups/${h.groupId}/clusters`);
    expect(clusters.status).toBe(200);
    const clusterPage = (await clusters.json()) as { results: Json[] };
    expect(clusterPage.results.map((c) => c['stateName'])).toEqual(['HIBERNATING', 'HIBERNATING']);
    expect(clusterPage.results.some((c) => 'paused' in c)).toBe(false);
  });

  it('a totalCount lower than the list (Atlas calls it an estimate): the snapshot is complete', async () => {
    h = await startHarness(
      {
        upstreamFetch: rewriting((url, body) =>
          url.pathname.endsWith('/backupCheckpoints') && 'totalCount' in body ? { ...body, totalCount: 100 } : body,
        ),
      },
      { checkpointsPerCluster: 1_200 },
    );
    const base = `${h.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints`;
    const last = (await (await h.fetch(`${base}?itemsPerPage=500&pageNum=3`)).json()) as {
      results: unknown[];
      totalCount: number;
    };
    expect(last.results).toHaveLength(200);
    expect(last.totalCount).toBe(1_200);
    const pages = h.fake
      .requests()
      .filter((r) => r.route === 'listGroupClusterBackupCheckpoints')
      .map((r) => r.query.pageNum);
    expect(pages).toEqual(['1', '2', '3']);
  });

  it('retries have one owner: under sustained 429 a snapshot page costs one call (Retry-After is honoured, never retried over), then the 429 is relayed', async () => {
    let rateLimited = 0;
    h = await startHarness(
      {
        upstreamRetries: 2,
        upstreamFetch: async (input, init) => {
          const url = new URL(input.url);
          if (url.pathname.endsWith('/backupCheckpoints') && url.searchParams.get('pageNum') === '2') {
            rateLimited += 1;
            const body = {
              error: 429,
              errorCode: 'RATE_LIMITED',
              detail: 'Slow down.',
              parameters: [],
              reason: 'Too Many Requests',
            };
            return new Response(JSON.stringify(body), {
              status: 429,
              headers: { 'content-type': 'application/json', 'retry-after': '0', 'x-error-code': 'RATE_LIMITED' },
            });
          }
          return fetch(input, init);
        },
      },
      { checkpointsPerCluster: 1_200 },
    );
    const response = await h.fetch(`${h.url}${V2}/groups/${h.groupId}/clusters/${h.clusterName}/backupCheckpoints`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('0');
    // The proxy's upstream health policy owns retries: it retries network errors and 5xx, and answers a
    // 429 by honouring its Retry-After for everyone, so one call, not (2 + 1) × 6 as when the paginator
    // and the client both retried.
    expect(rateLimited).toBe(1);
  });
});
