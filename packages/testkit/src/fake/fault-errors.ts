import { WireError } from '@atlas-checkpoints/core';

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

/**
 * A generic Atlas error for an injected failure status (`faults.failNext`).
 *
 * @example
 * throw errorForStatus(503, undefined, undefined, { 'retry-after': '1' });
 */
export function errorForStatus(status: number, errorCode?: string, detail?: string, headers?: Record<string, string>): WireError {
  const [code, text] = DEFAULT_CODES[status] ?? ['UNEXPECTED_ERROR', 'Unexpected error.'];
  return new WireError(status, errorCode ?? code, detail ?? text, headers ? { headers } : {});
}
