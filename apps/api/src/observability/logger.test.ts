import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { none } from '@atlas-checkpoints/core';
import { createMemoryStore } from '../cache/memory-store.js';
import { createProxy } from '../app/create-proxy.js';
import { createFakeAtlas } from '@atlas-checkpoints/testkit';
import { POLICY } from '../test-helpers/setup.js';
import { tokenEntry } from '../test-helpers/tokens.js';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('redacts credential headers and token fields', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', destination: stream });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer s3cr3t', cookie: 'c=s3cr3t' } },
        token: 's3cr3t',
        upstream: { secret: 's3cr3t' },
      },
      'hello',
    );
    expect(lines.join('')).not.toContain('s3cr3t');
    expect(lines.join('')).toContain('[REDACTED]');
  });

  it('never writes a caller token or the upstream token while serving', async () => {
    const { lines, stream } = capture();
    const fake = createFakeAtlas({ auth: { oauth: [{ clientId: 'id', clientSecret: 'upstream-secret' }] } });
    const { serviceAccount } = await import('@atlas-checkpoints/core');
    const proxy = createProxy({
      upstreamUrl: fake.baseUrl,
      upstreamAuth: serviceAccount({ clientId: 'id', clientSecret: 'upstream-secret' }),
      upstreamFetch: async (input, init) => fake.fetch(input, init),
      authMode: 'proxy',
      tokens: [tokenEntry('t', 'caller-token-xyz', ['*'])],
      store: createMemoryStore({ maxBytes: 1e7 }),
      policy: POLICY,
      logger: createLogger({ level: 'trace', destination: stream }),
    });
    const ok = await proxy.app.request('/api/atlas/v2/groups', { headers: { authorization: 'Bearer caller-token-xyz' } });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(
      (await proxy.app.request('/api/atlas/v2/groups', { headers: { authorization: 'Bearer wrong-token-abc' } })).status,
    ).toBe(401);
    await proxy.close();
    const all = lines.join('');
    expect(all).toContain('upstream');
    for (const secret of ['caller-token-xyz', 'wrong-token-abc', 'upstream-secret']) expect(all).not.toContain(secret);
    expect(none().kind).toBe('none');
  });
});
