import { apiErrorBody, type ApiError, type FieldViolation } from '@atlas-checkpoints/core';

/** The spec's `ApiError` document, as the fake emits it (keys in alphabetical order on the wire). */
export type ApiErrorBody = ApiError;

/**
 * An Atlas error answer, thrown inside the fake and rendered by its error handler.
 *
 * @example
 * throw new FakeAtlasError(404, 'GROUP_NOT_FOUND', `No group with ID ${groupId} exists.`);
 */
export class FakeAtlasError extends Error {
  override name = 'FakeAtlasError' as const;
  readonly status: number;
  readonly body: ApiErrorBody;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    errorCode: string,
    detail: string,
    extra: { badRequestDetail?: { fields: FieldViolation[] }; headers?: Record<string, string> } = {},
  ) {
    super(`${status} ${errorCode}: ${detail}`);
    this.status = status;
    this.headers = extra.headers ?? {};
    // `parameters` stays empty: the spec types its items as objects while the real service sends
    // strings, so the fake sends neither.
    this.body = apiErrorBody(status, errorCode, detail, { fields: extra.badRequestDetail?.fields });
  }
}

/** True when `error` is a {@link FakeAtlasError} (by `instanceof` or by `name`). */
export function isFakeAtlasError(error: unknown): error is FakeAtlasError {
  return error instanceof FakeAtlasError || (error instanceof Error && error.name === 'FakeAtlasError');
}
