import { createRequire } from 'node:module';

// Read at load time from the package's own package.json (one level above both src/ and dist/),
// so `changeset version` bumping package.json is all a release needs.
const manifest = createRequire(import.meta.url)('../package.json') as { version: string };

/**
 * The version of `@atlas-checkpoints/core`, sent in the default `User-Agent`.
 *
 * @example
 * `@atlas-checkpoints/core/${VERSION}` // '@atlas-checkpoints/core/0.1.0'
 */
export const VERSION: string = manifest.version;
