import { isWireError, renderError, wireErrors } from '@atlas-checkpoints/core';

/**
 * Any error thrown inside the fake as the Atlas error `Response` (anything that is not a
 * `WireError` becomes a 500 `UNEXPECTED_ERROR`).
 *
 * @example
 * app.onError((error) => toErrorResponse(error));
 */
export function toErrorResponse(error: unknown): Response {
  const wire = isWireError(error) ? error : wireErrors.unexpected();
  const { status, headers, body } = renderError(wire.status, wire.body, wire.headers);
  return new Response(body, { status, headers });
}
