/** Base class of every error thrown by `@atlas-checkpoints/core`. */
export class AtlasError extends Error {
  override name: string = 'AtlasError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True for any error raised by this library (checks `name` too, so it works across realms and copies). */
export function isAtlasError(error: unknown): error is AtlasError {
  return (
    error instanceof AtlasError ||
    (error instanceof Error &&
      ['AtlasError', 'AtlasApiError', 'AtlasRequestError', 'ConfigError', 'InvalidParameterError', 'ResponseShapeError'].includes(
        error.name,
      ))
  );
}
