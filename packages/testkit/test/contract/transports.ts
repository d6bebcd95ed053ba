import type { FakeAtlas, RunningServer } from '../../src/index.js';

/** The two ways core's client reaches the fake: the in-process `fetch`, and a real listening server. */
export interface Transport {
  readonly name: string;
  readonly baseUrl: string;
  readonly fetch: typeof globalThis.fetch | undefined;
}

/** Starts the fake's real server and returns both transports plus a closer. */
export async function bothTransports(fake: FakeAtlas): Promise<{ transports: Transport[]; server: RunningServer }> {
  const server = await fake.listen({ port: 0, host: '127.0.0.1' });
  return {
    server,
    transports: [
      { name: 'in-process fetch', baseUrl: fake.baseUrl, fetch: fake.fetch },
      { name: 'real HTTP server', baseUrl: server.url, fetch: undefined },
    ],
  };
}

/** A retry policy that records waits instead of sleeping (no wall-clock in tests). */
export function recordedRetry(limit = 3): {
  waits: number[];
  retry: { limit: number; sleep: (ms: number) => Promise<void>; random: () => number };
} {
  const waits: number[] = [];
  return { waits, retry: { limit, sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 } };
}
