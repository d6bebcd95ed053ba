import type { KyInstance } from 'ky';
import { isAtlasError } from '../errors/atlas-error.js';
import { AtlasRequestError } from '../errors/atlas-request-error.js';
import { parseSuccessBody, toApiError } from './read-response.js';
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
  caller: AbortSignal | undefined,
  deadline: Timer,
  counter: CallCounter,
): Promise<Outcome> {
  const timer = startTimer(context.options.timeout, `attempt timed out after ${context.options.timeout} ms`);
  const signal = anySignal([caller, deadline.signal, timer.signal]);
  try {
    const response = await raceAbort(sendAttempt(context.ky, context.options, url, accept, signal, counter), signal);
    const text = await raceAbort(response.text(), signal);
    return { response, text };
  } catch (error) {
    return { failure: classify(error, url, caller, deadline, timer) };
  } finally {
    timer.clear();
  }
}

/**
 * GETs `url` with `accept` and returns `parse(body, response)`, retrying network errors, per-attempt timeouts and 429/5xx
 * (honouring `Retry-After` up to `maxRetryAfterMs`, else backoff with full jitter) within the
 * retry limit and the overall deadline. The caller's signal aborts at once, also during a wait.
 */
export async function executeGet<T>(
  context: CallContext,
  url: string,
  accept: string,
  caller: AbortSignal | undefined,
  parse: (body: unknown, response: Response) => T,
): Promise<T> {
  const { retry, deadline: deadlineMs } = context.options;
  const deadline = startTimer(deadlineMs, `deadline of ${deadlineMs} ms exceeded`);
  const deadlineAt = retry.now() + deadlineMs;
  const counter: CallCounter = { attempt: 0 };
  try {
    for (let retries = 0; ; retries += 1) {
      if (caller?.aborted || deadline.signal.aborted) throw classify(undefined, url, caller, deadline);
      const outcome = await attemptOnce(context, url, accept, caller, deadline, counter);
      let failure: Error;
      let retryable: boolean;
      let waitMs: number | undefined;
      if ('failure' in outcome) {
        failure = outcome.failure;
        retryable = failure instanceof AtlasRequestError && failure.kind !== 'aborted' && !deadline.signal.aborted;
      } else if (outcome.response.ok) {
        return parse(parseSuccessBody(outcome.text, url), outcome.response);
      } else {
        const apiError = toApiError(outcome.response, outcome.text, 'GET', url, retry.now());
        failure = apiError;
        retryable = RETRYABLE_STATUSES.has(apiError.status);
        waitMs = apiError.retryAfterMs;
        if (waitMs !== undefined && waitMs > retry.maxRetryAfterMs) retryable = false;
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
