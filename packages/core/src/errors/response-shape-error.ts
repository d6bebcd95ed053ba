import { AtlasError } from './atlas-error.js';
import { redactUrl } from './redact.js';

/** Atlas answered 2xx but the body did not match the schema. `path` is a JSON pointer to the first failure. */
export class ResponseShapeError extends AtlasError {
  override name = 'ResponseShapeError' as const;
  /** JSON pointer of the first failing value, e.g. `/results/3/parts/0/typeName`. */
  readonly path: string;
  /** What the schema expected there, e.g. `string matching ^([a-f0-9]{24})$`. */
  readonly expected: string;
  readonly url: string;

  constructor(init: { path: string; expected: string; url: string; message?: string; cause?: unknown }) {
    const url = redactUrl(init.url);
    super(init.message ?? `Unexpected response from ${url}: at ${init.path || '/'} expected ${init.expected}`, {
      cause: init.cause,
    });
    this.path = init.path;
    this.expected = init.expected;
    this.url = url;
  }
}

/** True when `error` is a {@link ResponseShapeError} (by `instanceof` or by `name`). */
export function isResponseShapeError(error: unknown): error is ResponseShapeError {
  return error instanceof ResponseShapeError || (error instanceof Error && error.name === 'ResponseShapeError');
}
