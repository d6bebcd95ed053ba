import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { authenticate, type Authenticator } from '../auth/authenticate.js';
import { wireErrors } from '@atlas-checkpoints/core';
import { applyBodyFault, DROP_MARKER, truncateOnSocket } from './body-faults.js';
import type { FakeEnv, Principal } from './context.js';
import { toErrorResponse } from './error-response.js';
import { errorForStatus } from './fault-errors.js';
import type { FaultController, FaultRule } from './faults.js';
import type { TokenBucket } from './rate-limit.js';
import { authSchemeOf, type LoggedRequest } from './request-log.js';
import { routeOf } from './route-names.js';

/** What the pipeline needs from its fake. */
export interface PipelineDeps {
  readonly faults: FaultController;
  readonly bucket: TokenBucket | undefined;
  readonly auth: Authenticator | undefined;
  readonly now: () => number;
  record(entry: LoggedRequest): void;
}

const ANONYMOUS: Principal = { scheme: 'none' };
const UNLIMITED = { 'RateLimit-Limit': '100', 'RateLimit-Remaining': '100' };
const BODY_FAULTS = new Set(['malformed', 'truncate', 'slowBody']);

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function dropped(env: unknown): Response {
  (env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.destroy();
  return new Response(null, { status: 502, headers: { [DROP_MARKER]: '1' } });
}

/**
 * The fake's one middleware: request log, latency, injected faults, rate limit and auth, in that
 * order; body faults rewrite the handler's response.
 *
 * @example
 * app.use('*', createPipeline({ faults, bucket, auth, now: Date.now, record: (entry) => log.push(entry) }));
 */
export function createPipeline(deps: PipelineDeps): MiddlewareHandler<FakeEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const route = routeOf(url.pathname);
    const authorization = c.req.header('authorization');
    const entry = {
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      route,
      status: 0,
      authScheme: authSchemeOf(authorization),
      accept: c.req.header('accept'),
      userAgent: c.req.header('user-agent'),
      fault: undefined as string | undefined,
      at: deps.now(),
    };
    deps.record(entry);
    let rule: FaultRule | undefined;
    try {
      const latency = deps.faults.latencyFor(route);
      if (latency > 0) await delay(latency, c.req.raw.signal);
      // A body fault rewrites the answer the handler gives, so it waits until the request has passed
      // the rate limit and auth: a Digest challenge or a 429 must not spend it.
      const bodyFault = BODY_FAULTS.has(deps.faults.peek(route)?.kind ?? '');
      if (!bodyFault) rule = deps.faults.take(route);
      entry.fault = rule?.kind;
      if (rule?.kind === 'drop') return dropped(c.env);
      if (rule?.kind === 'error') {
        const status = rule.status ?? 500;
        const headers = status === 429 || status === 503 ? { 'retry-after': String(rule.retryAfterSeconds ?? 1) } : undefined;
        throw errorForStatus(status, rule.errorCode, rule.detail, headers);
      }
      if (rule?.kind === 'rateLimit') throw wireErrors.rateLimited(rule.retryAfterSeconds ?? 1, 100);
      if (route !== 'oauthToken' && route !== 'oauthRevoke') {
        let rateHeaders: Record<string, string> = UNLIMITED;
        if (deps.bucket) {
          const decision = deps.bucket.take();
          if (!decision.allowed) throw wireErrors.rateLimited(decision.retryAfterSeconds, decision.limit);
          rateHeaders = { 'RateLimit-Limit': String(decision.limit), 'RateLimit-Remaining': String(decision.remaining) };
        }
        c.set('rateHeaders', rateHeaders);
        const principal = deps.auth ? authenticate(deps.auth, authorization, c.req.method, url.pathname + url.search) : ANONYMOUS;
        c.set('principal', principal);
      }
      if (bodyFault) {
        rule = deps.faults.take(route); // the rule peeked above: nothing ran in between
        entry.fault = rule?.kind;
      }
    } catch (error) {
      const response = toErrorResponse(error);
      entry.status = response.status;
      return response;
    }
    await next();
    if (rule && BODY_FAULTS.has(rule.kind)) {
      const sent = rule.kind === 'truncate' ? await truncateOnSocket(c.env, c.res.clone()) : undefined;
      if (sent) {
        entry.status = c.res.status;
        c.res = sent;
        return undefined;
      }
      c.res = await applyBodyFault(c.res, rule);
    }
    entry.status = c.res.status;
    return undefined;
  };
}
