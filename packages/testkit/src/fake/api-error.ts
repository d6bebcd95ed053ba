/** The spec's `ApiError` document, as the fake emits it (keys in alphabetical order on the wire). */
export interface ApiErrorBody {
  badRequestDetail?: { fields: Array<{ description: string; field: string }> };
  detail: string;
  error: number;
  errorCode: string;
  parameters: unknown[];
  reason: string;
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The HTTP reason phrase Atlas puts in `reason` for a status. */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

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
    extra: { badRequestDetail?: ApiErrorBody['badRequestDetail']; headers?: Record<string, string> } = {},
  ) {
    super(`${status} ${errorCode}: ${detail}`);
    this.status = status;
    this.headers = extra.headers ?? {};
    // Alphabetical key order, as Atlas serialises it. `parameters` stays empty: the spec types its
    // items as objects while the real service sends strings, so the fake sends neither.
    this.body = {
      ...(extra.badRequestDetail ? { badRequestDetail: extra.badRequestDetail } : {}),
      detail,
      error: status,
      errorCode,
      parameters: [],
      reason: reasonPhrase(status),
    };
  }
}

/** True when `error` is a {@link FakeAtlasError} (by `instanceof` or by `name`). */
export function isFakeAtlasError(error: unknown): error is FakeAtlasError {
  return error instanceof FakeAtlasError || (error instanceof Error && error.name === 'FakeAtlasError');
}
