import type { KyInstance } from 'ky';
import { isAtlasApiError, type AtlasApiError } from '../errors/atlas-api-error.js';
import { isAtlasError } from '../errors/atlas-error.js';
import { AtlasRequestError } from '../errors/atlas-request-error.js';
import type { CallOptions } from './params.js';
import { parseSuccessBody, toApiError } from './read-response.js';
import { parseRetryAfter } from './retry-after.js';
import type { ResolvedOptions } from './resolve-options.js';
import { backoffDelay, RETRYABLE_STATUSES } from './retry-policy.js';
import { sendAttempt, type CallCounter } from './send-attempt.js';
import { anySignal, raceAbort, startTimer, type Timer } from './signals.js';

/** The client's shared pieces a call needs. */
export interface CallContext {
  ky: KyInstance;
  options: ResolvedOptions;
}

type Outcome = { response: Response; text: string } | { failure: AtlasRequestError | Error };

function classify(error: unknown, url: string, caller: AbortSignal | undefined, deadline: Timer, attempt?: Timer): Error {
  if (caller?.aborted) return new AtlasRequestError({ method: 'GET', url, kind: 'aborted', cause: caller.reason });
  if (deadline.signal.aborted)
    return new AtlasRequestError({ method: 'GET', url, kind: 'timeout', cause: deadline.signal.reason });
  if (attempt?.signal.aborted)
    return new AtlasRequestError({ method: 'GET', url, kind: 'timeout', cause: attempt.signal.reason });
  if (isAtlasError(error)) return error; // from the auth strategy (e.g. its token endpoint)
  return new AtlasRequestError({ method: 'GET', url, kind: 'network', cause: error });
}

async function attemptOnce(
  context: CallContext,
  url: string,
  accept: string,
  call: CallOptions | undefined,
  deadline: Timer,
  counter: CallCounter,
): Promise<Outcome> {
  const caller = call?.signal;
  const timer = startTimer(context.options.timeout, `attempt timed out after ${context.options.timeout} ms`);
  const signal = anySignal([caller, deadline.signal, timer.signal]);
  try {
    const response = await raceAbort(
      sendAttempt(context.ky, context.options, url, accept, signal, counter, call?.onResponse),
      signal,
    );
    const text = await raceAbort(response.text(), signal);
    return { response, text };
  } catch (error) {
    return { failure: classify(error, url, caller, deadline, timer) };
  } finally {
    timer.clear();
  }
}

/**
 * Whether an error answer is worth another attempt, and after how long (its `Retry-After`, ms).
 * The same rule for an API response and for the auth strategy's own call (the OAuth token
 * endpoint): 429, 500, 502, 503, 504, unless `Retry-After` exceeds `maxRetryAfterMs`.
 */
function retryDecision(
  error: AtlasApiError,
  retry: ResolvedOptions['retry'],
): { retryable: boolean; waitMs: number | undefined } {
  // read from the header with the client's clock (an HTTP-date is relative to it)
  const waitMs = parseRetryAfter(error.headers['retry-after'], retry.now()) ?? error.retryAfterMs;
  const maxRetryAfterMs = retry.maxRetryAfterMs;
  const retryable = RETRYABLE_STATUSES.has(error.status) && !(waitMs !== undefined && waitMs > maxRetryAfterMs);
  return { retryable, waitMs };
}

/**
 * GETs `url` with `accept` and returns `parse(body, response)`, retrying network errors, per-attempt timeouts and 429/5xx
 * (honouring `Retry-After` up to `maxRetryAfterMs`, else backoff with full jitter) within the
 * retry limit and the overall deadline. A 429/5xx from the auth strategy's token endpoint is
 * retried by the same rule: one policy for every request a call makes. The caller's signal aborts
 * at once, also during a wait.
 */
export async function executeGet<T>(
  context: CallContext,
  url: string,
  accept: string,
  call: CallOptions | undefined,
  parse: (body: unknown, response: Response) => T,
): Promise<T> {
  const { retry, deadline: deadlineMs } = context.options;
  const caller = call?.signal;
  const deadline = startTimer(deadlineMs, `deadline of ${deadlineMs} ms exceeded`);
  const deadlineAt = retry.now() + deadlineMs;
  const counter: CallCounter = { attempt: 0 };
  try {
    for (let retries = 0; ; retries += 1) {
      if (caller?.aborted || deadline.signal.aborted) throw classify(undefined, url, caller, deadline);
      const outcome = await attemptOnce(context, url, accept, call, deadline, counter);
      let failure: Error;
      let retryable: boolean;
      let waitMs: number | undefined;
      if ('failure' in outcome) {
        failure = outcome.failure;
        if (isAtlasApiError(failure)) ({ retryable, waitMs } = retryDecision(failure, retry));
        else retryable = failure instanceof AtlasRequestError && failure.kind !== 'aborted' && !deadline.signal.aborted;
      } else if (outcome.response.ok) {
        return parse(parseSuccessBody(outcome.text, url), outcome.response);
      } else {
        const apiError = toApiError(outcome.response, outcome.text, 'GET', url, retry.now());
        failure = apiError;
        ({ retryable, waitMs } = retryDecision(apiError, retry));
      }
      if (!retryable || retries >= retry.limit) throw failure;
      const wait = waitMs ?? backoffDelay(retries, retry.backoffBaseMs, retry.backoffMaxMs, retry.random);
      if (retry.now() + wait >= deadlineAt) throw failure; // waiting would overrun the deadline
      try {
        await raceAbort(retry.sleep(wait, anySignal([caller, deadline.signal])), anySignal([caller, deadline.signal]));
      } catch (error) {
        throw classify(error, url, caller, deadline);
      }
    }
  } finally {
    deadline.clear();
  }
}
