import { Hono } from 'hono';
import type { Authenticator } from '../auth/authenticate.js';
import { createDigestVerifier } from '../auth/digest-verifier.js';
import { mountOAuthRoutes } from '../auth/oauth-routes.js';
import { createTokenStore } from '../auth/token-store.js';
import type { FakeAuthOptions } from '../auth/types.js';
import { generateFixtures } from '../fixtures/generate-fixtures.js';
import type { Fixtures } from '../fixtures/types.js';
import { createBodyCache } from './body-cache.js';
import type { FakeEnv } from './context.js';
import { wireErrors } from '@atlas-checkpoints/core';
import { toErrorResponse } from './error-response.js';
import { createFaultController, type FaultController, type FaultRule, type LatencySetting } from './faults.js';
import { createInProcessFetch } from './in-process-fetch.js';
import { listenOn, type ListenOptions, type RunningServer } from './listen.js';
import { createPipeline } from './pipeline.js';
import { createTokenBucket, type RateLimitOptions } from './rate-limit.js';
import type { LoggedRequest } from './request-log.js';
import { mountRoutes } from './routes.js';
import { createStore } from './store.js';

/** Options of {@link createFakeAtlas}. */
export interface FakeAtlasOptions {
  /** What it serves. Default `generateFixtures()` (seed 1). */
  readonly fixtures?: Fixtures;
  /** Server-side auth. Default `'none'`. */
  readonly auth?: FakeAuthOptions;
  /** Latency for every route, or per route (operationId or `'*'`). */
  readonly latencyMs?: LatencySetting;
  /** Faults pending from the start (also settable at runtime through `faults`). */
  readonly faults?: readonly FaultRule[];
  /** A token bucket; when exhausted, 429 RATE_LIMITED with `Retry-After`. Default: unlimited. */
  readonly rateLimit?: RateLimitOptions;
  /** Clock for nonce/token expiry and the rate limit. Default `Date.now`. */
  readonly now?: () => number;
  /** Base URL of the in-process `fetch`. Default `http://fake-atlas.local`. */
  readonly baseUrl?: string;
  /** How many rendered bodies are memoised (fixtures are immutable). Default 1000; 0 disables. */
  readonly bodyCacheSize?: number;
  /** How many requests `requests()` keeps (oldest dropped first). Default 100000. */
  readonly requestLogLimit?: number;
  /**
   * Whether running restore jobs advance as they are read (a few reads each, see
   * `cloudRestoreJobAt`). Default true; false serves every job as generated (for tests comparing two servers).
   */
  readonly advanceRestoreJobs?: boolean;
}

/** A fake MongoDB Atlas: a Hono app, a `fetch` for it, and a real server on demand. */
export interface FakeAtlas {
  readonly app: Hono<FakeEnv>;
  /** In-process transport: pass as core's `fetch` with `baseUrl: fake.baseUrl`. */
  readonly fetch: typeof globalThis.fetch;
  readonly baseUrl: string;
  readonly fixtures: Fixtures;
  readonly faults: FaultController;
  /** Starts a real HTTP server (port 0 = any free port, host default 127.0.0.1). */
  listen(options?: ListenOptions): Promise<RunningServer>;
  /** Requests seen so far, oldest first. */
  requests(): readonly LoggedRequest[];
  clearRequests(): void;
  /** Expires every issued OAuth token now (to test refresh). */
  expireTokens(): void;
}

function buildAuth(auth: FakeAuthOptions | undefined, now: () => number): Authenticator | undefined {
  if (auth === undefined || auth === 'none') return undefined;
  const digest = auth.digest?.length ? createDigestVerifier(auth.digest, auth.nonceTtlMs ?? 300_000, now) : undefined;
  const tokens = auth.oauth?.length ? createTokenStore(auth.tokenTtlSeconds ?? 3600, now) : undefined;
  if (!digest && !tokens) throw new TypeError("auth needs at least one digest key or oauth account, or 'none'");
  return { digest, tokens };
}

/**
 * Creates a fake Atlas serving `fixtures` per the wire contract.
 *
 * @example
 * const fake = createFakeAtlas({ fixtures: generateFixtures({ seed: 42 }) });
 * const client = createAtlasClient({ baseUrl: fake.baseUrl, fetch: fake.fetch });
 * const server = await fake.listen({ port: 0 }); // server.url, await server.close()
 */
export function createFakeAtlas(options: FakeAtlasOptions = {}): FakeAtlas {
  const fixtures = options.fixtures ?? generateFixtures();
  const now = options.now ?? Date.now;
  const baseUrl = (options.baseUrl ?? 'http://fake-atlas.local').replace(/\/+$/, '');
  const limit = options.requestLogLimit ?? 100_000;
  const faults = createFaultController(options.faults, options.latencyMs);
  const auth = buildAuth(options.auth, now);
  const bucket = options.rateLimit ? createTokenBucket(options.rateLimit, now) : undefined;
  let log: LoggedRequest[] = [];
  const app = new Hono<FakeEnv>();
  const record = (entry: LoggedRequest): void => {
    if (log.length >= limit) log.splice(0, log.length - limit + 1);
    log.push(entry);
  };
  app.use('*', createPipeline({ faults, bucket, auth, now, record }));
  if (auth?.tokens && options.auth !== 'none') mountOAuthRoutes(app, options.auth?.oauth ?? [], auth.tokens);
  mountRoutes(app, createStore(fixtures, options.advanceRestoreJobs ?? true), createBodyCache(options.bodyCacheSize ?? 1000));
  app.notFound((c) => toErrorResponse(wireErrors.resourceNotFound(c.req.path)));
  app.onError((error) => toErrorResponse(error));
  return {
    app,
    fetch: createInProcessFetch((request) => app.fetch(request), baseUrl),
    baseUrl,
    fixtures,
    faults,
    listen: (listenOptions) => listenOn(app.fetch, listenOptions),
    requests: () => log.slice(),
    clearRequests: () => {
      log = [];
    },
    expireTokens: () => auth?.tokens?.expireAll(),
  };
}
