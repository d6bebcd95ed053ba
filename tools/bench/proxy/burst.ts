import { Agent, request } from 'undici';
import type { spawnTarget, TargetInfo } from './spawn-target.js';

/** One cold-miss burst's figures (milliseconds). */
export interface BurstResult {
  upstreamCalls: number;
  p50: number;
  p99: number;
  /** Server side of the miss burst: first request in to last response out. */
  serverSpan: number;
  /** The same burst again, on the now-cached key: what 1,000 concurrent requests cost here. */
  hitP99: number;
}

/**
 * 1,000 concurrent requests for one uncached key (checkpoint number `round` of the second
 * sharded cluster), upstream answering after the target's latency; then the same burst on the cached key.
 * The 1,000 connections are opened first (on `/healthz`), so the burst measures the miss, not TCP setup.
 */
export async function coldMissBurst(
  target: Awaited<ReturnType<typeof spawnTarget<TargetInfo>>>,
  round: number,
): Promise<BurstResult> {
  // the second cluster with checkpoints (legacy checkpoints exist only for sharded clusters)
  const cluster = target.info.clusters.filter((c) => c.ids.length > 0)[1];
  const url = `${target.info.proxyUrl}/api/atlas/v2/groups/${cluster?.groupId}/clusters/${cluster?.name}/backupCheckpoints/${cluster?.ids[round]}`;
  const agent = new Agent({ connections: 1_000 });
  try {
    const burst = async (to: string) => {
      const latencies = await Promise.all(
        Array.from({ length: 1_000 }, async () => {
          const start = performance.now();
          const res = await request(to, { dispatcher: agent });
          await res.body.arrayBuffer();
          if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
          return performance.now() - start;
        }),
      );
      return latencies.sort((a, b) => a - b);
    };
    await burst(`${target.info.proxyUrl}/healthz`);
    const before = (await target.stats()).upstreamCalls;
    const latencies = await burst(url);
    const after = await target.stats();
    const upstreamCalls = after.upstreamCalls - before;
    const hits = await burst(url);
    return {
      upstreamCalls,
      serverSpan: after.serverSpanMs,
      p50: latencies[499] ?? Number.NaN,
      p99: latencies[989] ?? Number.NaN,
      hitP99: hits[989] ?? Number.NaN,
    };
  } finally {
    await agent.close();
  }
}
