import { ATLAS_API_VERSION } from './api-version.js';
import type { QueryParameter } from './operation.js';
import { WireError } from './wire-error.js';

/**
 * Keeps caller-supplied text in an error detail short and printable (at most 64 characters,
 * non-printable characters as `?`), so no request can make an error document large or binary.
 *
 * @example
 * clip('a\u0000b') // 'a?b'
 */
export function clip(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 64 ? `${printable.slice(0, 64)}…` : printable;
}

function describeParameter(parameter: QueryParameter): string {
  const schema = parameter.schema as { type?: string; minimum?: number; maximum?: number };
  if (schema.type === 'boolean') return 'must be true or false';
  if (schema.type === 'integer') {
    if (schema.minimum !== undefined && schema.maximum !== undefined)
      return `must be an integer between ${schema.minimum} and ${schema.maximum}`;
    if (schema.minimum !== undefined) return `must be an integer greater than or equal to ${schema.minimum}`;
    return 'must be an integer';
  }
  return 'is not a valid value';
}

/**
 * The Atlas errors both servers answer with, one factory per `errorCode`, with Atlas's wording
 * where it is known (recorded traffic or the spec's examples).
 *
 * @example
 * throw wireErrors.groupNotFound(groupId);
 */
export const wireErrors = {
  /** 400: a path parameter does not match its pattern. */
  invalidAttribute: (name: string) => new WireError(400, 'INVALID_ATTRIBUTE', `Invalid attribute ${clip(name)} specified.`),
  /** 400: a query parameter's value is not valid; the code is the parameter's own (see core's README). */
  invalidQueryParameter: (parameter: QueryParameter, value: string) => {
    const description = describeParameter(parameter);
    const fields = [{ description, field: parameter.name }];
    if (parameter.errorCode === 'INVALID_ITEMS_PER_PAGE') {
      return new WireError(400, parameter.errorCode, `Invalid ${parameter.name} value ${clip(value)}; it ${description}.`, {
        fields,
      });
    }
    return new WireError(400, parameter.errorCode, `Invalid value for query parameter ${parameter.name}.`, { fields });
  },
  /** 400: the `Host` header is not a valid host (RFC 9112 §3.2), so no link can be built from it. */
  invalidHost: () => new WireError(400, 'INVALID_HOST_HEADER', 'The Host header is not a valid host name.'),
  /** 401: no or unknown credentials (with the challenge the caller should answer). */
  unauthorized: (headers: Readonly<Record<string, string>> = {}) =>
    new WireError(401, 'UNAUTHORIZED', 'You are not authorized for this resource.', { headers }),
  /** 401: a wrong API key; Atlas answers it with `UNEXPECTED_ERROR` (recorded traffic). */
  wrongCredentials: (headers: Readonly<Record<string, string>> = {}) =>
    new WireError(401, 'UNEXPECTED_ERROR', 'You are not authorized for this resource.', { headers }),
  /** 403: the credentials may not read this project. */
  forbidden: () => new WireError(403, 'USER_UNAUTHORIZED', 'Current user is not authorized to perform this action.'),
  /** 404: no route has this path. */
  resourceNotFound: (path: string) => new WireError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${clip(path)}.`),
  groupNotFound: (groupId: string) => new WireError(404, 'GROUP_NOT_FOUND', `No group with ID ${clip(groupId)} exists.`),
  clusterNotFound: (name: string, groupId: string) =>
    new WireError(404, 'CLUSTER_NOT_FOUND', `No cluster named ${clip(name)} exists in group ${clip(groupId)}.`),
  checkpointNotFound: (id: string) => new WireError(404, 'CHECKPOINT_NOT_FOUND', `No checkpoint with ID ${clip(id)} exists.`),
  /** 404: no snapshot (Cloud Backup or legacy, of the kind the path asks for) has this id in the cluster. */
  snapshotNotFound: (id: string, clusterName: string) =>
    new WireError(404, 'SNAPSHOT_NOT_FOUND', `No snapshot with ID ${clip(id)} exists for cluster ${clip(clusterName)}.`),
  /** 404: no restore job (Cloud Backup or legacy, of the kind the path asks for) has this id in the cluster. */
  restoreJobNotFound: (id: string, clusterName: string) =>
    new WireError(404, 'RESTORE_JOB_NOT_FOUND', `No restore job with ID ${clip(id)} exists for cluster ${clip(clusterName)}.`),
  /** 404: the cluster is not on the backup whose schedule the path asks for (Cloud Backup or legacy). */
  backupScheduleNotFound: (clusterName: string) =>
    new WireError(404, 'BACKUP_CONFIG_NOT_FOUND', `No backup configuration exists for cluster ${clip(clusterName)}.`),
  /** 405: only GET (and HEAD) are served. */
  methodNotAllowed: (method: string) =>
    new WireError(405, 'METHOD_NOT_ALLOWED', `Method ${clip(method)} is not allowed.`, { headers: { allow: 'GET, HEAD' } }),
  /** 406: a well-formed version date earlier than the resource's first version. */
  notAcceptable: (version: string, first: string = ATLAS_API_VERSION) =>
    new WireError(
      406,
      'NOT_ACCEPTABLE',
      `The requested API version ${clip(version)} is earlier than the first version of this resource (${first}).`,
    ),
  /** 406: a version Atlas has, in a format (`+csv`, `+gzip`) this resource does not serve. */
  mediaTypeNotAcceptable: (mediaType: string) =>
    new WireError(406, 'NOT_ACCEPTABLE', `This resource cannot be served as ${clip(mediaType)}; it is served as JSON only.`),
  /** 406: the `Accept` header names no version date Atlas can read (recorded wording). */
  invalidVersionDate: () => new WireError(406, 'INVALID_VERSION_DATE', 'Invalid accept header or version date.'),
  /** 429 with `Retry-After` and the `RateLimit-*` headers. */
  rateLimited: (retryAfterSeconds: number, limit: number) =>
    new WireError(429, 'RATE_LIMITED', 'You have exceeded the rate limit. Please try again later.', {
      headers: { 'retry-after': String(retryAfterSeconds), 'ratelimit-limit': String(limit), 'ratelimit-remaining': '0' },
    }),
  unexpected: (detail = 'Unexpected error.') => new WireError(500, 'UNEXPECTED_ERROR', detail),
} as const;
