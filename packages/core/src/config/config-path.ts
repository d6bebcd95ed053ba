import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the Atlas CLI keeps its profiles: `$XDG_CONFIG_HOME/atlascli/config.toml`, else
 * `~/.config/atlascli/config.toml`.
 *
 * @example
 * defaultConfigPath({ XDG_CONFIG_HOME: '/etc/xdg' }) // '/etc/xdg/atlascli/config.toml'
 */
export function defaultConfigPath(env: Readonly<Record<string, string | undefined>>): string {
  const xdg = env['XDG_CONFIG_HOME']?.trim();
  const base = xdg ? xdg : join(env['HOME']?.trim() || homedir(), '.config');
  return join(base, 'atlascli', 'config.toml');
}
