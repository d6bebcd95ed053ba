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

/**
 * The OpenAPI excerpts the spec validator loads by default: `ATLAS_OPENAPI_SPEC` alone when set,
 * else the first excerpt and, beside it, `atlas-openapi-backup-excerpt.json` (the Cloud Backup and
 * legacy backup snapshot and restore-job operations).
 *
 * @example
 * createSpecValidator({ specPaths: defaultSpecPaths() });
 */
export function defaultSpecPaths(env: Record<string, string | undefined> = process.env): string[] {
  if (env.ATLAS_OPENAPI_SPEC) return [env.ATLAS_OPENAPI_SPEC];
  const first = defaultSpecPath(env);
  return [first, first.replace(/atlas-openapi-excerpt\.json$/, 'atlas-openapi-backup-excerpt.json')];
}
