import { describe, expect, it } from 'vitest';
import { describeSource } from './describe-source.js';

describe('describeSource', () => {
  it.each([
    [{ from: 'flag', flag: 'clientId' } as const, 'flag --clientId'],
    [{ from: 'env', variable: 'MONGODB_ATLAS_CLIENT_ID' } as const, 'env MONGODB_ATLAS_CLIENT_ID'],
    [{ from: 'profile', profile: 'work', key: 'client_id', path: '/c.toml' } as const, 'client_id in profile "work" of /c.toml'],
    [{ from: 'default' } as const, 'default'],
  ])('%j → %s', (source, expected) => {
    expect(describeSource(source)).toBe(expected);
  });
});
