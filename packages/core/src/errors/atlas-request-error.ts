import { AtlasError } from './atlas-error.js';
import { redactUrl } from './redact.js';

/** The request never got an HTTP answer: a network failure, a timeout, or an abort. `cause` keeps the original. */
export class AtlasRequestError extends AtlasError {
  override name = 'AtlasRequestError' as const;
  readonly method: string;
  readonly url: string;
  /** `timeout` (per-attempt or overall deadline), `aborted` (the caller's signal), or `network`. */
  readonly kind: 'network' | 'timeout' | 'aborted';

  constructor(init: { method: string; url: string; kind: 'network' | 'timeout' | 'aborted'; cause?: unknown; message?: string }) {
    const url = redactUrl(init.url);
    super(init.message ?? `${init.method} ${url} failed: ${init.kind === 'network' ? describeCause(init.cause) : init.kind}`, {
      cause: init.cause,
    });
    this.method = init.method;
    this.url = url;
    this.kind = init.kind;
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    const code = inner && typeof inner === 'object' && 'code' in inner ? ` (${String(inner.code)})` : '';
    return `${cause.message}${code}`;
  }
  return 'network error';
}

/** True when `error` is an {@link AtlasRequestError} (by `instanceof` or by `name`). */
export function isAtlasRequestError(error: unknown): error is AtlasRequestError {
  return error instanceof AtlasRequestError || (error instanceof Error && error.name === 'AtlasRequestError');
}
