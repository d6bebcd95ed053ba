import { describe, expect, it } from 'vitest';
import { none } from './none.js';

describe('none', () => {
  it('sends no Authorization and never retries a 401', async () => {
    const auth = none();
    const request = {
      method: 'GET',
      url: 'http://127.0.0.1/x',
      baseUrl: 'http://127.0.0.1',
      fetch: () => Promise.reject(new Error('unused')),
    };
    expect(await auth.authorize(request)).toBeUndefined();
    expect(await auth.handleUnauthorized(request, new Response(null, { status: 401 }))).toBe(false);
  });
});
