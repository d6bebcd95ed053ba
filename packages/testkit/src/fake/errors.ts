import { FakeAtlasError } from './api-error.js';

/** The Atlas errors the fake answers with, one factory per `errorCode`, with Atlas's own wording. */
export const atlasErrors = {
  groupNotFound: (groupId: string) => new FakeAtlasError(404, 'GROUP_NOT_FOUND', `No group with ID ${groupId} exists.`),
  clusterNotFound: (name: string, groupId: string) =>
    new FakeAtlasError(404, 'CLUSTER_NOT_FOUND', `No cluster named ${name} exists in group ${groupId}.`),
  checkpointNotFound: (id: string) => new FakeAtlasError(404, 'CHECKPOINT_NOT_FOUND', `No checkpoint with ID ${id} exists.`),
  resourceNotFound: (path: string) => new FakeAtlasError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${path}.`),
  invalidAttribute: (name: string) => new FakeAtlasError(400, 'INVALID_ATTRIBUTE', `Invalid attribute ${name} specified.`),
  invalidItemsPerPage: (value: string) =>
    new FakeAtlasError(400, 'INVALID_ITEMS_PER_PAGE', `Invalid itemsPerPage value ${value}; it must be between 1 and 500.`, {
      badRequestDetail: { fields: [{ description: 'must be an integer between 1 and 500', field: 'itemsPerPage' }] },
    }),
  invalidQuery: (field: string, description: string) =>
    new FakeAtlasError(400, 'VALIDATION_ERROR', `Invalid value for query parameter ${field}.`, {
      badRequestDetail: { fields: [{ description, field }] },
    }),
  unauthorized: (headers: Record<string, string> = {}) =>
    new FakeAtlasError(401, 'UNAUTHORIZED', 'You are not authorized for this resource.', { headers }),
  wrongCredentials: (headers: Record<string, string> = {}) =>
    new FakeAtlasError(401, 'UNEXPECTED_ERROR', 'You are not authorized for this resource.', { headers }),
  forbidden: () => new FakeAtlasError(403, 'USER_UNAUTHORIZED', 'Current user is not authorized to perform this action.'),
  notAcceptable: (detail: string) => new FakeAtlasError(406, 'NOT_ACCEPTABLE', detail),
  invalidVersionDate: (version: string) =>
    new FakeAtlasError(406, 'INVALID_VERSION_DATE', `The version date ${version} is not a valid API version date (YYYY-MM-DD).`),
  rateLimited: (retryAfterSeconds: number, limit: number) =>
    new FakeAtlasError(429, 'RATE_LIMITED', 'You have exceeded the rate limit. Please try again later.', {
      headers: { 'Retry-After': String(retryAfterSeconds), 'RateLimit-Limit': String(limit), 'RateLimit-Remaining': '0' },
    }),
  unexpected: (detail = 'Unexpected error.') => new FakeAtlasError(500, 'UNEXPECTED_ERROR', detail),
} as const;

const DEFAULT_CODES: Readonly<Record<number, [string, string]>> = {
  400: ['VALIDATION_ERROR', 'Bad request.'],
  401: ['UNAUTHORIZED', 'You are not authorized for this resource.'],
  403: ['USER_UNAUTHORIZED', 'Current user is not authorized to perform this action.'],
  404: ['RESOURCE_NOT_FOUND', 'Cannot find resource.'],
  429: ['RATE_LIMITED', 'You have exceeded the rate limit. Please try again later.'],
  500: ['UNEXPECTED_ERROR', 'Unexpected error.'],
  502: ['BAD_GATEWAY', 'Bad gateway.'],
  503: ['SERVICE_UNAVAILABLE', 'Service unavailable.'],
  504: ['GATEWAY_TIMEOUT', 'Gateway timeout.'],
};

/** A generic Atlas error for an injected failure status (`faults.failNext`). */
export function errorForStatus(
  status: number,
  errorCode?: string,
  detail?: string,
  headers?: Record<string, string>,
): FakeAtlasError {
  const [code, text] = DEFAULT_CODES[status] ?? ['UNEXPECTED_ERROR', 'Unexpected error.'];
  return new FakeAtlasError(status, errorCode ?? code, detail ?? text, headers ? { headers } : {});
}
