import { ATLAS_API_VERSION } from '../wire/media-type.js';
import { none } from '../auth/none.js';
import type { AtlasAuth } from '../auth/types.js';
import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import { redactUrl } from '../errors/redact.js';
import { VERSION } from '../version.js';
import type { AtlasClientOptions, ResponseInfo } from './options.js';
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
  apiVersion: string;
  userAgent: string;
  onResponse: ((info: ResponseInfo) => void) | undefined;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
const API_VERSION = /^\d{4}-\d{2}-\d{2}$/;

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
  const inner = (fetch ?? ((input: Request, init?: RequestInit) => globalThis.fetch(input, init))) as (
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

/** Applies defaults and checks every option; bad options throw {@link InvalidParameterError}. */
export function resolveOptions(options: AtlasClientOptions = {}): ResolvedOptions {
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const apiVersion = options.apiVersion ?? ATLAS_API_VERSION;
  if (!API_VERSION.test(apiVersion)) throw new InvalidParameterError('apiVersion', apiVersion, 'a date like 2023-01-01');
  const userAgent = options.userAgent ?? `@atlas-checkpoints/core/${VERSION}`;
  if (typeof userAgent !== 'string' || !/^[\x20-\x7e]+$/.test(userAgent)) {
    throw new InvalidParameterError('userAgent', userAgent, 'printable ASCII');
  }
  const auth = options.auth ?? none();
  if (typeof auth?.authorize !== 'function' || typeof auth.handleUnauthorized !== 'function') {
    throw new InvalidParameterError('auth', typeof auth, 'an AtlasAuth (none(), accessToken(), serviceAccount(), apiKey())');
  }
  if (options.onResponse !== undefined && typeof options.onResponse !== 'function') {
    throw new InvalidParameterError('onResponse', typeof options.onResponse, 'a function');
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
  };
}
