import { fileURLToPath } from 'node:url';

/**
 * `<repo>/../shared/spec/atlas-openapi-excerpt.json`, found relative to this package (from `src/`
 * or `dist/` alike); `ATLAS_OPENAPI_SPEC` overrides it.
 *
 * @example
 * createSpecValidator({ specPath: defaultSpecPath() });
 */
export function defaultSpecPath(env: Record<string, string | undefined> = process.env): string {
  if (env.ATLAS_OPENAPI_SPEC) return env.ATLAS_OPENAPI_SPEC;
  return fileURLToPath(new URL('../../../../../shared/spec/atlas-openapi-excerpt.json', import.meta.url));
}
