import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CachedToken, TokenCache, TokenCacheKey } from './token-cache.js';

/** The file name of a key: a SHA-256 of client id and base URL (neither appears in the name). */
function fileName(key: TokenCacheKey): string {
  return `token-${createHash('sha256').update(`${key.clientId}\n${key.baseUrl}`).digest('hex').slice(0, 32)}.json`;
}

function parse(text: string, key: TokenCacheKey): CachedToken | undefined {
  try {
    const doc = JSON.parse(text) as Record<string, unknown>;
    if (doc['clientId'] !== key.clientId || doc['baseUrl'] !== key.baseUrl) return undefined;
    const { accessToken, expiresAt } = doc;
    if (typeof accessToken !== 'string' || !/^[A-Za-z0-9\-._~+/]+=*$/.test(accessToken)) return undefined;
    if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) return undefined;
    return { accessToken, expiresAt };
  } catch {
    return undefined;
  }
}

/**
 * A {@link TokenCache} in a directory: one JSON file per client id and base URL, mode 0600 in a
 * directory created 0700, written to a temporary file and renamed (a concurrent reader sees the
 * old or the new token, never half a file). Best effort: a cache that cannot be read or written
 * behaves as empty. The token is never logged.
 *
 * @example
 * const auth = serviceAccount({ clientId, clientSecret, cache: fileTokenCache(join(homedir(), '.cache', 'my-tool')) });
 */
export function fileTokenCache(directory: string): TokenCache {
  return {
    async get(key) {
      try {
        return parse(await readFile(join(directory, fileName(key)), 'utf8'), key);
      } catch {
        return undefined;
      }
    },
    async set(key, token) {
      const path = join(directory, fileName(key));
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(directory, { recursive: true, mode: 0o700 });
        const body = JSON.stringify({ clientId: key.clientId, baseUrl: key.baseUrl, ...token });
        await writeFile(temporary, body, { mode: 0o600, flag: 'wx' });
        await chmod(temporary, 0o600); // whatever the umask
        await rename(temporary, path);
      } catch {
        await rm(temporary, { force: true }).catch(() => undefined);
      }
    },
    async delete(key) {
      await rm(join(directory, fileName(key)), { force: true }).catch(() => undefined);
    },
  };
}
