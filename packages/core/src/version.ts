/**
 * The version of `@atlas-checkpoints/core`, sent in the default `User-Agent`. Kept equal to the
 * package.json `version` (a test checks it; changesets bumps both).
 *
 * @example
 * `@atlas-checkpoints/core/${VERSION}` // '@atlas-checkpoints/core/0.0.0'
 */
export const VERSION = '0.0.0';
