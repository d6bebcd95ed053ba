/** Exit codes: 0 ok, 1 the API (or the network) failed, 2 bad usage or configuration, 130 interrupted (Ctrl-C, as after SIGINT). */
export const EXIT = { ok: 0, apiError: 1, usage: 2, interrupted: 130 } as const;

const USAGE_ERRORS = new Set(['UsageError', 'InvalidParameterError', 'CommanderError', 'ConfigError']);

/**
 * The exit code for an error, by its class name (so core need not be loaded to decide): 2 for a
 * usage error and for core's `ConfigError` (no credentials, half a pair, a missing profile, …).
 *
 * @example
 * exitCodeFor(new UsageError('--groupId is required')) // 2
 */
export function exitCodeFor(error: unknown): 1 | 2 | 130 {
  if (error instanceof Error && error.name === 'Interrupted') return EXIT.interrupted;
  return error instanceof Error && USAGE_ERRORS.has(error.name) ? EXIT.usage : EXIT.apiError;
}
