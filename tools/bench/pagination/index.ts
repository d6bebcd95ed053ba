/**
 * Pagination benchmark: lists 20,000 checkpoints (40 pages of 500) through the real client and an
 * injected fetch that answers each request after 25 ms, at concurrency 1 and 8.
 *
 * Run from the repo root:
 *   npx tsx --conditions=@atlas-checkpoints/source tools/bench/pagination/index.ts
 */
import { performance } from 'node:perf_hooks';
import { ATLAS_API_VERSION, atlasContentType, createAtlasClient, paginate } from '@atlas-checkpoints/core';

const TOTAL = 20_000;
const PAGE_SIZE = 500;
const LATENCY_MS = 25;
const GROUP_ID = '5e2211c17a3e5a48f5497de3';
const CLUSTER = 'Cluster0';

function checkpointAt(i: number): Record<string, unknown> {
  const time = new Date(Date.UTC(2024, 0, 1) + i * 6 * 3600_000).toISOString().replace('.000Z', 'Z');
  return {
    clusterId: '32b6e34b3d91647abb20e7b8',
    completed: time,
    groupId: GROUP_ID,
    id: i.toString(16).padStart(24, '0'),
    links: [
      {
        rel: 'self',
        href: `https://cloud.mongodb.com/api/atlas/v2/groups/${GROUP_ID}/clusters/${CLUSTER}/backupCheckpoints/${i}`,
      },
    ],
    parts: [
      { replicaSetName: 'rs0', tokenDiscovered: true, tokenTimestamp: { date: time, increment: 1 }, typeName: 'REPLICA_SET' },
    ],
    restorable: true,
    started: time,
    timestamp: time,
  };
}

const encoder = new TextEncoder();
const pages = new Map<number, Uint8Array<ArrayBuffer>>();
for (let pageNum = 1; pageNum <= TOTAL / PAGE_SIZE; pageNum += 1) {
  const results = Array.from({ length: PAGE_SIZE }, (_, i) => checkpointAt((pageNum - 1) * PAGE_SIZE + i));
  pages.set(pageNum, encoder.encode(JSON.stringify({ links: [], results, totalCount: TOTAL })));
}

/** A fake Atlas transport: the requested page (bytes serialised once, as a server cache would), 25 ms later. */
function slowFetch(input: Request | string | URL): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body =
    pages.get(Number(url.searchParams.get('pageNum') ?? 1)) ?? encoder.encode(JSON.stringify({ results: [], totalCount: TOTAL }));
  return new Promise((resolve) =>
    setTimeout(
      () => resolve(new Response(body, { headers: { 'content-type': atlasContentType(ATLAS_API_VERSION) } })),
      LATENCY_MS,
    ),
  );
}

async function run(concurrency: number): Promise<number> {
  const client = createAtlasClient({ baseUrl: 'http://fake-atlas.local', fetch: slowFetch });
  const started = performance.now();
  const it = paginate(
    client.listClusterBackupCheckpoints,
    { groupId: GROUP_ID, clusterName: CLUSTER },
    { itemsPerPage: PAGE_SIZE, concurrency },
  );
  let count = 0;
  for await (const checkpoint of it) if (checkpoint.id) count += 1;
  const elapsed = performance.now() - started;
  if (count !== TOTAL || it.report.pagesFetched !== TOTAL / PAGE_SIZE) throw new Error(`expected ${TOTAL} items, got ${count}`);
  return elapsed;
}

const ROUNDS = 3;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

await run(8); // warm-up (JIT, validator compilation)
const sequential: number[] = [];
const parallel: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  sequential.push(await run(1));
  parallel.push(await run(8));
}
const fmt = (values: number[]): string =>
  `${median(values).toFixed(0)} ms (median of ${values.map((v) => v.toFixed(0)).join(', ')})`;
console.log(`pagination: ${TOTAL} checkpoints, ${TOTAL / PAGE_SIZE} pages of ${PAGE_SIZE}, ${LATENCY_MS} ms per response`);
console.log(`concurrency 1: ${fmt(sequential)}`);
console.log(`concurrency 8: ${fmt(parallel)}`);
console.log(`ratio: ${(median(sequential) / median(parallel)).toFixed(2)}x (target >= 5x)`);
