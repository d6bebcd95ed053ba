import { STATUS_CODES } from 'node:http';
import type { ApiError, FieldViolation } from '../schemas/index.js';

/**
 * The reason phrase Atlas puts in an error's `reason` (`404` → `Not Found`).
 *
 * @example
 * reasonPhrase(429) // 'Too Many Requests'
 */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

/** Optional parts of an {@link apiErrorBody}. */
export interface ApiErrorBodyExtra {
  /** Field violations, for 400s (`badRequestDetail.fields`). */
  readonly fields?: readonly FieldViolation[] | undefined;
  /** `parameters` (default `[]`). */
  readonly parameters?: readonly unknown[] | undefined;
}

/**
 * An Atlas `ApiError` document with its keys in the order Atlas writes them (alphabetical), so
 * `JSON.stringify` of it is byte-for-byte the compact body Atlas sends.
 *
 * @example
 * JSON.stringify(apiErrorBody(404, 'GROUP_NOT_FOUND', 'No group with ID 5f… exists.'))
 * // '{"detail":"No group with ID 5f… exists.","error":404,"errorCode":"GROUP_NOT_FOUND","parameters":[],"reason":"Not Found"}'
 */
export function apiErrorBody(status: number, errorCode: string, detail: string, extra: ApiErrorBodyExtra = {}): ApiError {
  return {
    ...(extra.fields
      ? { badRequestDetail: { fields: extra.fields.map(({ description, field }) => ({ description, field })) } }
      : {}),
    detail,
    error: status,
    errorCode,
    parameters: [...(extra.parameters ?? [])],
    reason: reasonPhrase(status),
  };
}
