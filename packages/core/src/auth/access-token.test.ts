import { describe, expect, it } from 'vitest';
import { isConfigError } from '../errors/index.js';
import { accessToken } from './access-token.js';

const request = {
  method: 'GET',
  url: 'https://cloud.mongodb.com/x',
  baseUrl: 'https://cloud.mongodb.com',
  fetch: () => Promise.reject(new Error('unused')),
};

describe('accessToken', () => {
  it('sends the token as Bearer and does not retry a 401', async () => {
    const auth = accessToken('eyJ0eXAi.payload-part_1~x+/=');
    expect(await auth.authorize(request)).toBe('Bearer eyJ0eXAi.payload-part_1~x+/=');
    expect(await auth.handleUnauthorized(request, new Response(null, { status: 401 }))).toBe(false);
  });

  it.each(['', 'two words', 'line\r\nX-Injected: 1', 'a=b'])('rejects %j with a ConfigError', (token) => {
    let caught: unknown;
    try {
      accessToken(token);
    } catch (error) {
      caught = error;
    }
    expect(isConfigError(caught)).toBe(true);
  });
});
