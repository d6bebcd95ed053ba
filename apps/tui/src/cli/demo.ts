/** Checkpoints per cluster in demo mode unless `--demo-checkpoints` says otherwise. */
export const DEMO_CHECKPOINTS = 500;

/**
 * An embedded fake Atlas (testkit) with generated data: 3 projects × 2 clusters; the first cluster
 * holds `checkpoints` checkpoints, the others {@link DEMO_CHECKPOINTS} or fewer. Served through an
 * injected `fetch`, no port. testkit is imported only here, only when demo mode runs.
 *
 * @example
 * const { fetch, baseUrl } = await createDemoTransport(500);
 */
export async function createDemoTransport(
  checkpoints = DEMO_CHECKPOINTS,
): Promise<{ fetch: typeof globalThis.fetch; baseUrl: string }> {
  const { createFakeAtlas, generateCheckpoints, generateFixtures } = await import('@atlas-checkpoints/testkit');
  const small = Math.min(checkpoints, DEMO_CHECKPOINTS);
  const fixtures = generateFixtures({ seed: 42, projects: 3, clustersPerProject: 2, checkpointsPerCluster: small });
  const first = fixtures.projects[0]?.clusters[0];
  const groupId = fixtures.projects[0]?.group.id;
  const clusterId = first?.cluster.id;
  if (first !== undefined && groupId !== undefined && clusterId !== undefined && checkpoints > small) {
    const parts = first.checkpoints[0]?.parts ?? [];
    const config = parts.find((p) => p.typeName !== 'REPLICA_SET');
    first.checkpoints.length = 0;
    const generated = generateCheckpoints({
      seed: 42,
      groupId,
      clusterId,
      count: checkpoints,
      startAt: Date.parse('2024-01-01T00:00:00Z'),
      intervalMinutes: 15,
      replicaSets: parts.filter((p) => p.typeName === 'REPLICA_SET').map((p) => p.replicaSetName ?? 'rs0'),
      configServer:
        config?.replicaSetName !== undefined && config.typeName !== undefined && config.typeName !== 'REPLICA_SET'
          ? { replicaSetName: config.replicaSetName, typeName: config.typeName }
          : undefined,
    });
    for (const checkpoint of generated) first.checkpoints.push(checkpoint);
  }
  const fake = createFakeAtlas({ fixtures });
  return { fetch: fake.fetch, baseUrl: fake.baseUrl };
}
