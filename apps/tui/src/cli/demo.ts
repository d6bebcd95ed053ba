/** Checkpoints per cluster in demo mode unless `--demo-checkpoints` says otherwise. */
export const DEMO_CHECKPOINTS = 500;

/** The demo project's clusters in the order the demo lists them: the one with checkpoints first (what `list --demo` reads). */
export const DEMO_CLUSTER_ORDER = ['sharded-legacy', 'replica-cloud', 'sharded-cloud', 'restoring'] as const;

/**
 * An embedded fake Atlas (testkit) with generated data: first testkit's restore-points demo
 * project (`generateDemoFixtures`: `sharded-legacy`, a sharded cluster on legacy backup with
 * `checkpoints` checkpoints and legacy snapshots; `replica-cloud` and `sharded-cloud` on Cloud
 * Backup; `restoring`, with restores in progress), then 2 projects × 2 clusters, each project's
 * first cluster sharded (legacy checkpoints exist only for sharded clusters) with
 * {@link DEMO_CHECKPOINTS} checkpoints, its second a replica set. Served through an injected
 * `fetch`, no port. testkit is imported only here, only when demo mode runs.
 *
 * @example
 * const { fetch, baseUrl } = await createDemoTransport(500);
 */
export async function createDemoTransport(
  checkpoints = DEMO_CHECKPOINTS,
): Promise<{ fetch: typeof globalThis.fetch; baseUrl: string }> {
  const { createFakeAtlas, generateCheckpoints, generateDemoFixtures } = await import('@atlas-checkpoints/testkit');
  const small = Math.min(checkpoints, DEMO_CHECKPOINTS);
  const fixtures = generateDemoFixtures({ seed: 42, projects: 2, clustersPerProject: 2, checkpointsPerCluster: small });
  const demo = fixtures.projects[0]?.clusters;
  const rank = (name: unknown): number => (DEMO_CLUSTER_ORDER as readonly unknown[]).indexOf(name);
  demo?.sort((a, b) => rank(a.cluster.name) - rank(b.cluster.name));
  const first = demo?.find((entry) => entry.checkpoints.length > 0);
  const groupId = fixtures.projects[0]?.group.id;
  const parts = first?.checkpoints[0]?.parts ?? [];
  const config = parts.find((p) => p.typeName === 'CONFIG_SERVER' || p.typeName === 'CONFIG_SERVER_REPLICA_SET');
  if (first !== undefined && groupId !== undefined && config?.replicaSetName !== undefined && checkpoints > small) {
    const configType = config.typeName === 'CONFIG_SERVER' ? 'CONFIG_SERVER' : 'CONFIG_SERVER_REPLICA_SET';
    first.checkpoints.length = 0;
    const generated = generateCheckpoints({
      seed: 42,
      groupId,
      clusterId: first.cluster.id,
      count: checkpoints,
      startAt: Date.parse('2024-01-01T00:00:00Z'),
      intervalMinutes: 15,
      replicaSets: parts.filter((p) => p.typeName === 'REPLICA_SET').map((p) => p.replicaSetName ?? 'rs0'),
      configServer: { replicaSetName: config.replicaSetName, typeName: configType },
    });
    for (const checkpoint of generated) first.checkpoints.push(checkpoint);
  }
  const fake = createFakeAtlas({ fixtures });
  return { fetch: fake.fetch, baseUrl: fake.baseUrl };
}
