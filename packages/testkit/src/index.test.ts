import { describe, expect, it } from 'vitest';
import * as testkit from './index.js';

describe('public face', () => {
  it('exports the contract names', () => {
    for (const name of ['generateFixtures', 'generateCheckpoints', 'createFakeAtlas', 'createSpecValidator', 'objectIdTime']) {
      expect(typeof (testkit as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('createFakeAtlas returns the contract shape', async () => {
    const fake = testkit.createFakeAtlas({
      fixtures: testkit.generateFixtures({ seed: 1, projects: 1, clustersPerProject: 1, checkpointsPerCluster: 1 }),
    });
    expect(Object.keys(fake).sort()).toEqual([
      'app',
      'baseUrl',
      'clearRequests',
      'expireTokens',
      'faults',
      'fetch',
      'fixtures',
      'listen',
      'requests',
    ]);
    const server = await fake.listen({ port: 0, host: '127.0.0.1' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/api/atlas/v2/groups`)).status).toBe(200);
    await server.close();
    await server.close();
  });
});
