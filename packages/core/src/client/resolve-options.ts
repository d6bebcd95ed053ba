import { none } from '../auth/none.js';
import type { AtlasAuth } from '../auth/types.js';
import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import { redactUrl } from '../errors/redact.js';
import { VERSION } from '../version.js';
import { isApiVersionDate, type ApiVersion } from '../wire/api-version.js';
import { OPERATION_LIST } from '../wire/operations.js';
import { defaultTransport } from './default-transport.js';
import type { AtlasClientOptions, DeprecationNotice, ResponseInfo } from './options.js';
import { sleep, type Sleep } from './sleep.js';

/** A transport that always returns a promise (a Hono `app.fetch` may answer synchronously or throw). */
type Transport = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** Client options with defaults applied and checked. */
export interface ResolvedOptions {
  baseUrl: string;
  auth: AtlasAuth;
  fetch: Transport;
  retry: {
    limit: number;
    maxRetryAfterMs: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    random: () => number;
    sleep: Sleep;
    now: () => number;
  };
  timeout: number;
  deadline: number;
  /** A date every operation resolves against, or the versions pinned per method. */
  apiVersion: ApiVersion | ReadonlyMap<string, ApiVersion> | undefined;
  userAgent: string;
  onResponse: ((info: ResponseInfo) => void) | undefined;
  onDeprecation: ((notice: DeprecationNotice) => void) | undefined;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

function integer(name: string, value: number | undefined, fallback: number, min: number): number {
  const resolved = value ?? fallback;
  if (typeof resolved !== 'number' || !Number.isInteger(resolved) || resolved < min || resolved > MAX_TIMER_MS) {
    throw new InvalidParameterError(name, value, `an integer from ${min} to ${MAX_TIMER_MS}`);
  }
  return resolved;
}

function resolveBaseUrl(value: string | undefined): string {
  const raw = value ?? 'https://cloud.mongodb.com';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidParameterError('baseUrl', redactUrl(String(raw)), 'an absolute http(s) URL');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new InvalidParameterError('baseUrl', redactUrl(raw), 'an absolute http(s) URL without credentials, query or fragment');
  }
  return url.toString().replace(/\/+$/, '');
}

function toTransport(fetch: AtlasClientOptions['fetch']): Transport {
  if (fetch !== undefined && typeof fetch !== 'function')
    throw new InvalidParameterError('fetch', typeof fetch, 'a fetch function');
  const inner = (fetch ?? defaultTransport()) as (
    input: Request | string | URL,
    init?: RequestInit,
  ) => Promise<Response> | Response;
  return (input, init) => {
    try {
      return Promise.resolve(inner(input, init));
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

function resolveApiVersion(value: AtlasClientOptions['apiVersion']): ResolvedOptions['apiVersion'] {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    if (!isApiVersionDate(value)) throw new InvalidParameterError('apiVersion', value, 'a date like 2024-08-05');
    return value;
  }
  if (value === null || typeof value !== 'object') {
    throw new InvalidParameterError('apiVersion', value, 'a date, or versions by method name');
  }
  const pins = new Map<string, ApiVersion>();
  for (const [method, version] of Object.entries(value as Record<string, unknown>)) {
    if (version === undefined) continue;
    const operation = OPERATION_LIST.find((candidate) => candidate.method === method);
    const versions = operation?.versions.map((entry) => entry.version) ?? [];
    if (!operation) {
      throw new InvalidParameterError(
        `apiVersion.${method}`,
        version,
        `a method name (${OPERATION_LIST.map((op) => op.method).join(', ')})`,
      );
    }
    if (typeof version !== 'string' || !(versions as string[]).includes(version)) {
      throw new InvalidParameterError(`apiVersion.${method}`, version, `one of ${versions.join(', ')}`);
    }
    pins.set(method, version as ApiVersion);
  }
  return pins;
}

/** Applies defaults and checks every option; bad options throw {@link InvalidParameterError}. */
export function resolveOptions(options: AtlasClientOptions = {}): ResolvedOptions {
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const apiVersion = resolveApiVersion(options.apiVersion);
  const userAgent = options.userAgent ?? `@atlas-checkpoints/core/${VERSION}`;
  if (typeof userAgent !== 'string' || !/^[\x20-\x7e]+$/.test(userAgent)) {
    throw new InvalidParameterError('userAgent', userAgent, 'printable ASCII');
  }
  const auth = options.auth ?? none();
  if (typeof auth?.authorize !== 'function' || typeof auth.handleUnauthorized !== 'function') {
    throw new InvalidParameterError('auth', typeof auth, 'an AtlasAuth (none(), accessToken(), serviceAccount(), apiKey())');
  }
  for (const name of ['onResponse', 'onDeprecation'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new InvalidParameterError(name, typeof options[name], 'a function');
    }
  }
  return {
    baseUrl: resolveBaseUrl(options.baseUrl),
    auth,
    fetch: toTransport(options.fetch),
    retry: {
      limit: integer('retry.limit', retry.limit, 3, 0),
      maxRetryAfterMs: integer('retry.maxRetryAfterMs', retry.maxRetryAfterMs, 60_000, 0),
      backoffBaseMs: integer('retry.backoffBaseMs', retry.backoffBaseMs, 500, 0),
      backoffMaxMs: integer('retry.backoffMaxMs', retry.backoffMaxMs, 30_000, 0),
      random: retry.random ?? Math.random,
      sleep: retry.sleep ?? sleep,
      now: retry.now ?? Date.now,
    },
    timeout: integer('timeout', options.timeout, 30_000, 1),
    deadline: integer('deadline', options.deadline, 120_000, 1),
    apiVersion,
    userAgent,
    onResponse: options.onResponse,
    onDeprecation: options.onDeprecation,
  };
}
