import { atlasErrors } from './errors.js';

const VERSIONED = /^application\/vnd\.atlas\.([^+]*)\+json$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Versions the real clusters endpoint has but this fake does not serve. */
const KNOWN_ELSEWHERE: Readonly<Record<string, readonly string[]>> = { listGroupClusters: ['2023-02-01', '2024-08-05'] };

/**
 * Checks the `Accept` header against the versions an endpoint serves (2023-01-01); throws Atlas's 406.
 * A missing header, `*\/*`, `application/*` and `application/json` get the default version.
 *
 * @example
 * negotiateVersion('application/vnd.atlas.2023-01-01+json', 'listGroups'); // '2023-01-01'
 */
export function negotiateVersion(accept: string | undefined, route: string, served: readonly string[] = ['2023-01-01']): string {
  const fallback = served[0] ?? '2023-01-01';
  if (accept === undefined || accept.trim() === '') return fallback;
  let rejected: Error | undefined;
  for (const entry of accept.split(',')) {
    const type = (entry.split(';')[0] ?? '').trim().toLowerCase();
    if (type === '*/*' || type === 'application/*' || type === 'application/json') return fallback;
    const match = VERSIONED.exec(type);
    if (!match) continue;
    const version = match[1] ?? '';
    if (served.includes(version)) return version;
    if (!DATE.test(version)) rejected ??= atlasErrors.invalidVersionDate(version);
    else if (KNOWN_ELSEWHERE[route]?.includes(version))
      rejected ??= atlasErrors.notAcceptable(
        `API version ${version} of this resource exists in Atlas, but this fake serves only ${served.join(', ')}.`,
      );
    else
      rejected ??= atlasErrors.notAcceptable(
        `The requested API version ${version} is not available for this resource. Available: ${served.join(', ')}.`,
      );
  }
  throw rejected ?? atlasErrors.notAcceptable(`Unsupported Accept header ${accept}. Use application/vnd.atlas.${fallback}+json.`);
}
