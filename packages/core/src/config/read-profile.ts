import { readFile as fsReadFile } from 'node:fs/promises';
import { parse, TomlError } from 'smol-toml';
import { ConfigError } from '../errors/index.js';
import { CONFIG_FIELDS } from './config-fields.js';
import type { ConfigField } from './types.js';

/** The string fields one profile sets (empty strings count as unset). */
export type ProfileValues = Partial<Record<ConfigField, string>>;

/**
 * Reads one `[profile]` table from an Atlas CLI `config.toml` with a real TOML parser. A missing
 * file is an empty profile; so is a missing `default` profile unless it was asked for by name.
 *
 * @throws {ConfigError} for an unreadable or malformed file (line and column, never its text), a
 *   named profile that does not exist, or a field that is not a string.
 * @example
 * const values = await readProfile({ path, profile: 'work', named: true });
 * values.clientId // 'mdb_sa_id_…'
 */
export async function readProfile(options: {
  path: string;
  profile: string;
  /** True when the user named the profile (flag or env), so its absence is an error. */
  named: boolean;
  readFile?: ((path: string) => Promise<string>) | undefined;
}): Promise<ProfileValues> {
  const { path, profile, named } = options;
  const text = await readText(path, options.readFile);
  if (text === undefined) {
    if (named) throw new ConfigError(`Profile "${profile}" not found: the config file ${path} does not exist`);
    return {};
  }
  const document = parseToml(text, path);
  const table = Object.hasOwn(document, profile) ? document[profile] : undefined;
  if (table === undefined) {
    if (!named) return {};
    const available = Object.keys(document).filter((key) => isTable(document[key]));
    throw new ConfigError(
      `Profile "${profile}" not found in ${path}${available.length ? ` (profiles: ${available.join(', ')})` : ' (it has no profiles)'}`,
    );
  }
  if (!isTable(table)) throw new ConfigError(`Profile "${profile}" in ${path} is not a table ([${profile}])`);
  const values: ProfileValues = {};
  for (const [field, { key }] of Object.entries(CONFIG_FIELDS) as Array<[ConfigField, { key: string }]>) {
    const value = table[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new ConfigError(`${key} in profile "${profile}" of ${path} must be a string`);
    if (value.trim() !== '') values[field] = value.trim();
  }
  return values;
}

async function readText(path: string, readFile: ((path: string) => Promise<string>) | undefined): Promise<string | undefined> {
  try {
    return await (readFile ?? ((p: string) => fsReadFile(p, 'utf8')))(path);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`Cannot read the config file ${path}${code ? ` (${code})` : ''}`, { cause: error });
  }
}

function parseToml(text: string, path: string): Record<string, unknown> {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      // smol-toml's message ends with the offending source line, which may hold a secret: keep only
      // its first line and the position, and drop the cause.
      const reason = (error.message.split('\n')[0] ?? 'invalid TOML').replace(/^Invalid TOML document: /, '');
      throw new ConfigError(`Malformed config file ${path} at line ${error.line}, column ${error.column}: ${reason}`);
    }
    throw new ConfigError(`Malformed config file ${path}`);
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
