import { describe, expect, it } from 'vitest';
import { isAtlasError } from './atlas-error.js';
import { ConfigError, isConfigError } from './config-error.js';

describe('ConfigError', () => {
  it('is an AtlasError named ConfigError, recognised by instance or by name', () => {
    const error = new ConfigError('Profile "prod" not found');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(isAtlasError(error)).toBe(true);
    expect(isConfigError(error)).toBe(true);
    expect(isConfigError(Object.assign(new Error('copy from another realm'), { name: 'ConfigError' }))).toBe(true);
    expect(isConfigError(new Error('other'))).toBe(false);
    expect(isConfigError('ConfigError')).toBe(false);
  });
});
