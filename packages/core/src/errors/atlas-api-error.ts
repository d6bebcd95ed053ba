import type { ApiError } from '../schemas/api-error.js';
import { AtlasError } from './atlas-error.js';
import { redactUrl } from './redact.js';

export interface AtlasApiErrorInit {
  /** HTTP status Atlas answered with. */
  readonly status: number;
  /** The request method. */
  readonly method: string;
  /** The request URL (credentials are redacted before they are stored). */
  readonly url: string;
  /** The parsed Atlas error document, when the body was one. */
  readonly body?: ApiError | undefined;
  /** `Retry-After` in milliseconds, when Atlas sent one. */
  readonly retryAfterMs?: number | undefined;
  /** Selected response headers (never credentials). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * Atlas answered with an error status. Carries Atlas's `errorCode`, `detail`, `reason`,
 * `parameters` and `badRequestDetail`, and the request method and (redacted) URL.
 *
 * @example
 * try { await client.getClusterBackupCheckpoint(params) }
 * catch (error) { if (isAtlasApiError(error) && error.errorCode === 'CHECKPOINT_NOT_FOUND') … }
 */
export class AtlasApiError extends AtlasError {
  override name = 'AtlasApiError' as const;
  readonly status: number;
  readonly errorCode: string;
  readonly detail: string | undefined;
  readonly reason: string | undefined;
  readonly parameters: readonly unknown[];
  readonly badRequestDetail: ApiError['badRequestDetail'];
  readonly method: string;
  readonly url: string;
  readonly retryAfterMs: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  /** The Atlas error document as received (or synthesised from the status when the body was not one). */
  readonly body: ApiError;
  /**
   * True when the response body was an Atlas error document; false when {@link body} was
   * synthesised from the status (a server that is not Atlas answered: often a wrong base URL).
   */
  readonly atlasErrorDocument: boolean;

  constructor(init: AtlasApiErrorInit) {
    const url = redactUrl(init.url);
    const body: ApiError = init.body ?? { error: init.status, errorCode: `HTTP_${init.status}`, detail: null, reason: null };
    const detail = body.detail ?? undefined;
    super(`${init.method} ${url} failed with ${init.status} ${body.errorCode}${detail ? `: ${detail}` : ''}`);
    this.status = init.status;
    this.errorCode = body.errorCode;
    this.detail = detail;
    this.reason = body.reason ?? undefined;
    this.parameters = body.parameters ?? [];
    this.badRequestDetail = body.badRequestDetail;
    this.method = init.method;
    this.url = url;
    this.retryAfterMs = init.retryAfterMs;
    this.headers = init.headers ?? {};
    this.body = body;
    this.atlasErrorDocument = init.body !== undefined;
  }
}

/** True when `error` is an {@link AtlasApiError} (by `instanceof` or by `name`). */
export function isAtlasApiError(error: unknown): error is AtlasApiError {
  return error instanceof AtlasApiError || (error instanceof Error && error.name === 'AtlasApiError');
}
