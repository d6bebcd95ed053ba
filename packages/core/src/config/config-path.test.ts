import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfigPath } from './config-path.js';

describe('defaultConfigPath', () => {
  it.each([
    [{ XDG_CONFIG_HOME: '/xdg', HOME: '/home/u' }, '/xdg/atlascli/config.toml'],
    [{ HOME: '/home/u' }, '/home/u/.config/atlascli/config.toml'],
    [{ XDG_CONFIG_HOME: '  ', HOME: '/home/u' }, '/home/u/.config/atlascli/config.toml'],
    [{}, join(homedir(), '.config', 'atlascli', 'config.toml')],
  ])('%j → %s', (env, expected) => {
    expect(defaultConfigPath(env)).toBe(expected);
  });
});
