import { none, type Operation } from '@atlas-checkpoints/core';
import {
  createFakeAtlas,
  generateDemoFixtures,
  generateFixtures,
  type FakeAtlas,
  type FakeAuthOptions,
  type Fixtures,
} from '@atlas-checkpoints/testkit';
import { createMemoryStore } from '../cache/memory-store.js';
import type { CachePolicy } from '../cache/freshness.js';
import type { CacheStore } from '../cache/store.js';
import { createProxy, type Proxy } from '../app/create-proxy.js';
import type { ProxyOptions } from '../app/options.js';
import { startServer, type RunningProxyServer } from '../server/start-server.js';

type FixtureCluster = Fixtures['projects'][number]['clusters'][number];

/** Path values of a backup operation: the first cluster holding its kind of document, or undefined for other operations. */
function backupPathValues(fixtures: Fixtures, operation: Operation): Record<string, string> | undefined {
  const { path } = operation;
  let holds: ((c: FixtureCluster) => string | undefined) | undefined;
  if (path.includes('/backup/snapshots/shardedCluster')) holds = (c) => c.shardedSnapshots[0]?.id;
  else if (path.includes('/backup/')) holds = (c) => c.snapshots[0]?.id;
  else if (/\/(snapshots|restoreJobs|snapshotSchedule)/.test(path)) holds = (c) => c.legacySnapshots[0]?.id;
  if (!holds) return undefined;
  for (const project of fixtures.projects) {
    const found = project.clusters.find((c) => holds(c) !== undefined);
    if (!found) continue;
    return {
      groupId: project.group.id,
      clusterName: String(found.cluster.name),
      snapshotId: holds(found) ?? '',
      restoreJobId: found.restoreJobs.find((job) => job.finishedAt !== undefined)?.id ?? '',
      jobId: found.legacyRestoreJobs.find((job) => job.statusName === 'FINISHED')?.id ?? '',
    };
  }
  return undefined;
}

/** A controllable clock for cache tests. */
export function manualClock(start = Date.UTC(2024, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

export const POLICY: CachePolicy = {
  ttlMs: 60_000,
  staleWhileRevalidateMs: 300_000,
  staleIfErrorMs: 86_400_000,
  negativeTtlMs: 5_000,
};

export interface Harness {
  readonly fake: FakeAtlas;
  readonly proxy: Proxy;
  readonly server: RunningProxyServer;
  readonly upstream: { url: string; close(): Promise<void> };
  readonly clock: ReturnType<typeof manualClock>;
  readonly groupId: string;
  /** The first project's sharded cluster (the one with checkpoints). */
  readonly clusterName: string;
  /** That cluster's checkpoint ids, in the fixtures' order. */
  readonly checkpointIds: readonly string[];
  /**
   * Path values where `operation` finds a document: the harness's checkpoint cluster, or for a
   * backup operation the first cluster on that backup and of that type (snapshots, restore jobs:
   * a finished one); with `demo` every operation has one.
   */
  pathValues(operation: Operation): Record<string, string>;
  /** Where requests go: the proxy's socket with `listen`, else a base URL `fetch` below answers in process. */
  readonly url: string;
  /** Sends a request to the proxy: over its socket with `listen`, else straight to `proxy.fetch` (no socket). */
  fetch(input: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A fake Atlas on a real socket, and a proxy in front of it, answering in process through
 * `proxy.fetch`, or on a real socket of its own with `listen` (for what node-server, shutdown and
 * Redis tests need).
 */
export async function startHarness(
  overrides: Partial<ProxyOptions> = {},
  fakeOptions: {
    checkpointsPerCluster?: number;
    latencyMs?: number;
    auth?: FakeAuthOptions;
    demo?: boolean;
    advanceRestoreJobs?: boolean;
  } = {},
  store: CacheStore = createMemoryStore({ maxBytes: 64 * 1024 * 1024 }),
  options: { listen?: boolean } = {},
): Promise<Harness> {
  const fixtureOptions = {
    seed: 7,
    projects: 2,
    clustersPerProject: 2,
    checkpointsPerCluster: fakeOptions.checkpointsPerCluster ?? 120,
  };
  // `demo`: testkit's demo project (every kind of backup) comes first, before the same projects.
  const fixtures = fakeOptions.demo ? generateDemoFixtures(fixtureOptions) : generateFixtures(fixtureOptions);
  const fake = createFakeAtlas({
    fixtures,
    ...(fakeOptions.latencyMs ? { latencyMs: fakeOptions.latencyMs } : {}),
    ...(fakeOptions.auth ? { auth: fakeOptions.auth } : {}),
    ...(fakeOptions.advanceRestoreJobs === undefined ? {} : { advanceRestoreJobs: fakeOptions.advanceRestoreJobs }),
  });
  const upstream = await fake.listen({ port: 0, host: '127.0.0.1' });
  const clock = manualClock();
  const proxy = createProxy({
    upstreamUrl: upstream.url,
    upstreamAuth: none(),
    authMode: 'proxy',
    store,
    policy: POLICY,
    now: clock.now,
    upstreamRetries: 0,
    upstreamTimeoutMs: 5_000,
    ...overrides,
  });
  const server = options.listen ? await startServer(proxy, { port: 0, host: '127.0.0.1' }) : undefined;
  const project = fixtures.projects[fakeOptions.demo ? 1 : 0];
  // Legacy checkpoints exist only for sharded clusters: the harness's cluster is the sharded one.
  const cluster = project?.clusters.find((entry) => entry.cluster.clusterType === 'SHARDED');
  return {
    fake,
    proxy,
    get server() {
      if (!server) throw new Error('startHarness(…, { listen: true }) for a socket');
      return server;
    },
    upstream,
    clock,
    groupId: project?.group.id ?? '',
    clusterName: cluster?.cluster.name ?? '',
    checkpointIds: cluster?.checkpoints.map((checkpoint) => checkpoint.id) ?? [],
    url: server?.url ?? 'http://proxy.test',
    pathValues: (operation) =>
      backupPathValues(fixtures, operation) ?? {
        groupId: project?.group.id ?? '',
        clusterName: cluster?.cluster.name ?? '',
        checkpointId: cluster?.checkpoints[0]?.id ?? '',
      },
    fetch: (input, init) => (server ? fetch(input, init) : proxy.request(input, init)),
    async close() {
      await server?.close(100);
      await proxy.close();
      await upstream.close().catch(() => undefined);
    },
  };
}
