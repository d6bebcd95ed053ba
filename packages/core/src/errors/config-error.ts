import { AtlasError } from './atlas-error.js';

/**
 * The configuration is wrong or incomplete: half a credential pair, a named profile that does not
 * exist, an unreadable or malformed config file, a bad base URL, project id or credential value.
 * Nothing was sent. The message says where the value came from and never contains a secret;
 * command lines exit 2 on it.
 *
 * @example
 * try { await resolveConfig() } catch (error) { if (isConfigError(error)) process.exit(2); throw error; }
 */
export class ConfigError extends AtlasError {
  override name = 'ConfigError' as const;
}

/** True when `error` is a {@link ConfigError} (by `instanceof` or by `name`). */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError || (error instanceof Error && error.name === 'ConfigError');
}
