/**
 * Wire benchmark: what the proxy's hit path pays to key a request by its normalised form (core's
 * `parseRequest` + `requestKey`: Accept negotiated, path and query validated, defaults folded)
 * instead of by the raw URL, on the request set a client walking pages sends. Prints operations
 * per second for both and the ratio, in the same run.
 *
 * Run from the repo root:
 *   npx tsx --conditions=@atlas-checkpoints/source tools/bench/wire/index.ts        # 2000 ms per measure
 *   npx tsx --conditions=@atlas-checkpoints/source tools/bench/wire/index.ts 500    # shorter budget
 */
import { performance } from 'node:perf_hooks';
import { expandPath, OPERATIONS, parseRequest, requestKey } from '@atlas-checkpoints/core';

const budgetMs = Number(process.argv[2] ?? 2000);
const op = OPERATIONS.listGroupClusterBackupCheckpoints;
const pathValues = { groupId: '5e2211c17a3e5a48f5497de3', clusterName: 'Cluster0' };
const path = expandPath(op, pathValues);
const searches = Array.from({ length: 64 }, (_, i) => `itemsPerPage=100&pageNum=${i + 1}${i % 3 === 0 ? '&pretty=true' : ''}`);
const accept = 'application/vnd.atlas.2025-03-12+json';

function measure(name: string, run: (i: number) => string): number {
  let sink = 0;
  for (let i = 0; i < 20_000; i += 1) sink += run(i).length; // warm up
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    for (let i = 0; i < 1_000; i += 1) sink += run(count + i).length;
    count += 1_000;
  }
  const rate = count / ((performance.now() - start) / 1000);
  console.log(`${name.padEnd(34)} ${Math.round(rate).toLocaleString('en-US').padStart(12)} ops/s (${sink % 7})`);
  return rate;
}

const raw = measure('raw URL key', (i) => `p0 http://127.0.0.1:8080${path}?${searches[i % searches.length] ?? ''} ${accept}`);
const normalised = measure('parseRequest + requestKey', (i) => {
  const request = parseRequest(op, { pathValues, search: searches[i % searches.length] ?? '', accept });
  return `p0 http://127.0.0.1:8080 ${requestKey(request)}`;
});
console.log(
  `normalised / raw: ${(normalised / raw).toFixed(3)} (${(1e6 / normalised - 1e6 / raw).toFixed(2)} µs more per request)`,
);
