import { describe, expect, it } from 'vitest';
import { createAtlasClient } from '../client/create-atlas-client.js';
import { InvalidParameterError, isInvalidParameterError } from './invalid-parameter-error.js';

describe('InvalidParameterError', () => {
  it('shows the offending value as JSON', () => {
    const error = new InvalidParameterError('pageNum', 0, 'a safe integer >= 1');
    expect(error.message).toBe('Invalid parameter pageNum: 0 (expected a safe integer >= 1)');
    expect(isInvalidParameterError(error)).toBe(true);
  });

  it('is still built (not a TypeError) for values JSON cannot print: a BigInt, a cycle', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    const big = new InvalidParameterError('groupId', 1n, 'an id');
    expect(big.message).toBe('Invalid parameter groupId: 1n (expected an id)');
    expect(big.value).toBe(1n);
    const circular = new InvalidParameterError('params', cycle, 'an object');
    expect(circular.message).toBe('Invalid parameter params: [object] (expected an object)');
    expect(new InvalidParameterError('signal', undefined, 'an AbortSignal').message).toBe(
      'Invalid parameter signal: undefined (expected an AbortSignal)',
    );
  });

  it('a BigInt path parameter gets the typed error from the client, and no request is made', async () => {
    let requests = 0;
    const client = createAtlasClient({
      fetch: () => {
        requests += 1;
        return Promise.resolve(new Response('{}'));
      },
    });
    const error = await client.listClusters({ groupId: 5n as unknown as string }).catch((e: unknown) => e);
    expect(isInvalidParameterError(error) && error.parameter).toBe('groupId');
    expect(requests).toBe(0);
  });
});
