import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import { resolveOptions } from './resolve-options.js';

describe('resolveOptions', () => {
  it('applies the documented defaults', () => {
    const resolved = resolveOptions();
    expect(resolved).toMatchObject({
      baseUrl: 'https://cloud.mongodb.com',
      timeout: 30_000,
      deadline: 120_000,
      apiVersion: undefined,
      userAgent: expect.stringMatching(/^@atlas-checkpoints\/core\/\d+\.\d+\.\d+/) as string,
      retry: { limit: 3, maxRetryAfterMs: 60_000, backoffBaseMs: 500, backoffMaxMs: 30_000 },
    });
    expect(resolved.auth.kind).toBe('none');
  });

  it('a number is the retry limit', () => {
    expect(resolveOptions({ retry: 7 }).retry.limit).toBe(7);
  });

  it.each([
    ['baseUrl', { baseUrl: 'not a url' }],
    ['baseUrl', { baseUrl: 'ftp://cloud.mongodb.com' }],
    ['baseUrl', { baseUrl: 'https://cloud.mongodb.com/?x=1' }],
    ['timeout', { timeout: 0 }],
    ['timeout', { timeout: Number.NaN }],
    ['deadline', { deadline: -1 }],
    ['deadline', { deadline: 2 ** 31 }],
    ['retry.limit', { retry: -1 }],
    ['retry.limit', { retry: { limit: 1.5 } }],
    ['retry.maxRetryAfterMs', { retry: { maxRetryAfterMs: -1 } }],
    ['apiVersion', { apiVersion: '2023' }],
    ['userAgent', { userAgent: 'bad\r\nX-Injected: 1' }],
    ['auth', { auth: {} as never }],
    ['fetch', { fetch: 'http' as never }],
    ['onResponse', { onResponse: 1 as never }],
  ])('rejects a bad %s', (parameter, options) => {
    expect(() => resolveOptions(options)).toThrow(InvalidParameterError);
    try {
      resolveOptions(options);
    } catch (error) {
      expect(error).toMatchObject({ parameter });
    }
  });

  it('rejects credentials in the base URL without echoing them', () => {
    let message = '';
    try {
      resolveOptions({ baseUrl: 'https://pub:hunter2@cloud.mongodb.com' });
    } catch (error) {
      message = String(error) + JSON.stringify(error);
    }
    expect(message).toContain('baseUrl');
    expect(message).not.toContain('hunter2');
  });
});
