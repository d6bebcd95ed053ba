import { apiKey, none, serviceAccount } from '@atlas-checkpoints/core';
import { describe, expect, it } from 'vitest';
import { upstreamScope } from './upstream-scope.js';

describe('upstreamScope', () => {
  const url = 'https://cloud.mongodb.com';

  it('is stable for one URL and credential, so replicas share a Redis namespace', () => {
    const a = upstreamScope(url, apiKey({ publicKey: 'pub', privateKey: 'one' }));
    const b = upstreamScope(url, apiKey({ publicKey: 'pub', privateKey: 'two' }));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toBe(a);
  });

  it('differs by upstream URL and by credential identity', () => {
    const base = upstreamScope(url, serviceAccount({ clientId: 'mdb_sa_id_1', clientSecret: 's' }));
    expect(upstreamScope(url, serviceAccount({ clientId: 'mdb_sa_id_2', clientSecret: 's' }))).not.toBe(base);
    expect(
      upstreamScope('https://cloud-dev.mongodb.com', serviceAccount({ clientId: 'mdb_sa_id_1', clientSecret: 's' })),
    ).not.toBe(base);
    expect(upstreamScope(url, apiKey({ publicKey: 'mdb_sa_id_1', privateKey: 's' }))).not.toBe(base);
    expect(upstreamScope(url, none())).not.toBe(base);
  });

  it('never depends on the secret', () => {
    const secret = 'super-secret-value';
    const scope = upstreamScope(url, serviceAccount({ clientId: 'id', clientSecret: secret }));
    expect(scope).toBe(upstreamScope(url, serviceAccount({ clientId: 'id', clientSecret: 'other' })));
  });
});
