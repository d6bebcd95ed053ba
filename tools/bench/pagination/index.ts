/**
 * Pagination benchmark: lists 20,000 checkpoints (40 pages of 500) through the real client and an
 * injected fetch that answers each request after 25 ms, at concurrency 1 and 8; then at
 * concurrency 8 with a `totalCount` 25% low (Atlas's count is an estimate: the walk fetches the
 * pages the count implies in parallel and finishes by `next` links, one at a time).
 *
 * Run from the repo root:
 *   npx tsx --conditions=@atlas-checkpoints/source tools/bench/pagination/index.ts
 */
import { performance } from 'node:perf_hooks';
import { ATLAS_API_VERSION, atlasContentType, createAtlasClient, paginate } from '@atlas-checkpoints/core';

const TOTAL = 20_000;
const PAGE_SIZE = 500;
const PAGES = TOTAL / PAGE_SIZE;
const LATENCY_MS = 25;
const GROUP_ID = '5e2211c17a3e5a48f5497de3';
const CLUSTER = 'Cluster0';
const BASE = `https://cloud.mongodb.com/api/atlas/v2/groups/${GROUP_ID}/clusters/${CLUSTER}/backupCheckpoints`;

/** A legacy checkpoint of a sharded cluster: a part per shard plus the config server. */
function checkpointAt(i: number): Record<string, unknown> {
  const time = new Date(Date.UTC(2024, 0, 1) + i * 6 * 3600_000).toISOString().replace('.000Z', 'Z');
  const id = i.toString(16).padStart(24, '0');
  const part = (name: string, typeName: string, shard: boolean) => ({
    replicaSetName: `atlas-q1w2e3-${name}`,
    ...(shard ? { shardName: `atlas-q1w2e3-${name}` } : {}),
    tokenDiscovered: true,
    tokenTimestamp: { date: time, increment: 1 },
    typeName,
  });
  return {
    clusterId: '32b6e34b3d91647abb20e7b8',
    completed: time,
    groupId: GROUP_ID,
    id,
    links: [{ rel: 'self', href: `${BASE}/${id}` }],
    parts: [
      part('shard-0', 'REPLICA_SET', true),
      part('shard-1', 'REPLICA_SET', true),
      part('config-0', 'CONFIG_SERVER_REPLICA_SET', false),
    ],
    restorable: true,
    started: time,
    timestamp: time,
  };
}

const encoder = new TextEncoder();
/** Each page's bytes for a reported `totalCount` (serialised once, as a server cache would). */
function pagesFor(reported: number): Map<number, Uint8Array<ArrayBuffer>> {
  const pages = new Map<number, Uint8Array<ArrayBuffer>>();
  for (let pageNum = 1; pageNum <= PAGES; pageNum += 1) {
    const results = Array.from({ length: PAGE_SIZE }, (_, i) => checkpointAt((pageNum - 1) * PAGE_SIZE + i));
    const links = [{ rel: 'self', href: `${BASE}?pageNum=${pageNum}&itemsPerPage=${PAGE_SIZE}` }];
    if (pageNum < PAGES) links.push({ rel: 'next', href: `${BASE}?pageNum=${pageNum + 1}&itemsPerPage=${PAGE_SIZE}` });
    pages.set(pageNum, encoder.encode(JSON.stringify({ links, results, totalCount: reported })));
  }
  return pages;
}
const exact = pagesFor(TOTAL);
const low = pagesFor(TOTAL * 0.75);

/** A fake Atlas transport: the requested page, 25 ms later. */
function slowFetch(pages: Map<number, Uint8Array<ArrayBuffer>>) {
  return (input: Request | string | URL): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body =
      pages.get(Number(url.searchParams.get('pageNum') ?? 1)) ??
      encoder.encode(JSON.stringify({ links: [], results: [], totalCount: TOTAL }));
    return new Promise((resolve) =>
      setTimeout(
        () => resolve(new Response(body, { headers: { 'content-type': atlasContentType(ATLAS_API_VERSION) } })),
        LATENCY_MS,
      ),
    );
  };
}

async function run(concurrency: number, pages = exact): Promise<number> {
  const client = createAtlasClient({ baseUrl: 'http://fake-atlas.local', fetch: slowFetch(pages) });
  const started = performance.now();
  const it = paginate(
    client.listClusterBackupCheckpoints,
    { groupId: GROUP_ID, clusterName: CLUSTER },
    { itemsPerPage: PAGE_SIZE, concurrency },
  );
  let count = 0;
  for await (const checkpoint of it) if (checkpoint.id) count += 1;
  const elapsed = performance.now() - started;
  if (count !== TOTAL || it.report.pagesFetched !== PAGES) throw new Error(`expected ${TOTAL} items, got ${count}`);
  if (it.report.totalCountLow !== (pages === low)) throw new Error('totalCountLow misreported');
  return elapsed;
}

const ROUNDS = 3;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

await run(8); // warm-up (JIT, validator compilation)
const sequential: number[] = [];
const parallel: number[] = [];
const estimated: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  sequential.push(await run(1));
  parallel.push(await run(8));
  estimated.push(await run(8, low));
}
const fmt = (values: number[]): string =>
  `${median(values).toFixed(0)} ms (median of ${values.map((v) => v.toFixed(0)).join(', ')})`;
console.log(`pagination: ${TOTAL} checkpoints, ${PAGES} pages of ${PAGE_SIZE}, ${LATENCY_MS} ms per response`);
console.log(`concurrency 1: ${fmt(sequential)}`);
console.log(`concurrency 8: ${fmt(parallel)}`);
console.log(`ratio: ${(median(sequential) / median(parallel)).toFixed(2)}x (target >= 5x)`);
console.log(
  `concurrency 8, totalCount 25% low (last ${PAGES / 4} pages by next links): ${fmt(estimated)}; every item, report.totalCountLow`,
);
