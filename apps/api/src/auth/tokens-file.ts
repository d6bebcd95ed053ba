import { readFileSync } from 'node:fs';

/** One caller allowed by the proxy: its name, the SHA-256 (hex) of its token, and its projects. */
export interface ProxyToken {
  readonly name: string;
  /** Lower-case hex SHA-256 of the bearer token. The token itself is never stored. */
  readonly sha256: string;
  /** Project ids this caller may read, or `['*']` for all. */
  readonly projects: readonly string[];
}

/** The tokens file is missing or malformed. */
export class TokensFileError extends Error {
  override name = 'TokensFileError' as const;
}

/**
 * Parses a tokens file: a JSON array of `{"name": "...", "sha256": "<64 hex>", "projects": ["*"]}`.
 *
 * @example
 * parseTokens('[{"name":"ci","sha256":"' + 'a'.repeat(64) + '","projects":["*"]}]')
 */
export function parseTokens(text: string): ProxyToken[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new TokensFileError('tokens file is not valid JSON', { cause: error });
  }
  if (!Array.isArray(raw)) throw new TokensFileError('tokens file must be a JSON array of {name, sha256, projects}');
  return raw.map((item: unknown, index) => {
    const where = `tokens file entry ${index}`;
    if (typeof item !== 'object' || item === null) throw new TokensFileError(`${where} is not an object`);
    const { name, sha256, projects } = item as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') throw new TokensFileError(`${where}: "name" must be a non-empty string`);
    if (typeof sha256 !== 'string' || !/^[a-fA-F0-9]{64}$/.test(sha256)) {
      throw new TokensFileError(`${where} (${name}): "sha256" must be 64 hex digits (the SHA-256 of the token)`);
    }
    if (
      !Array.isArray(projects) ||
      projects.length === 0 ||
      !projects.every((p) => p === '*' || (typeof p === 'string' && /^[a-f0-9]{24}$/.test(p)))
    ) {
      throw new TokensFileError(`${where} (${name}): "projects" must be a non-empty array of project ids or "*"`);
    }
    return { name, sha256: sha256.toLowerCase(), projects: projects as string[] };
  });
}

/**
 * Reads and parses a tokens file.
 *
 * @example
 * const tokens = loadTokensFile('/etc/atlas-proxy/tokens.json');
 */
export function loadTokensFile(path: string): ProxyToken[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TokensFileError(`cannot read tokens file ${path}`, { cause: error });
  }
  return parseTokens(text);
}
