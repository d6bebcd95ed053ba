/** The hint after every usage error, the same wording everywhere (commander's and ours). */
export const USAGE_HINT = 'Run with --help for usage.';

/**
 * The command line was wrong (missing or conflicting flags): exit code 2.
 *
 * @example
 * throw new UsageError('--clusterName is required');
 */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

/** True when `error` is a {@link UsageError} (by `instanceof` or by `name`). */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError || (error instanceof Error && error.name === 'UsageError');
}
