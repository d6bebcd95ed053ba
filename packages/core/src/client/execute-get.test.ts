import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAtlasApiError } from '../errors/atlas-api-error.js';
import { isAtlasRequestError } from '../errors/atlas-request-error.js';
import { createAtlasClient } from './create-atlas-client.js';
import type { AtlasClientOptions, RetryOptions } from './options.js';
import { apiError, json, page, recordingSleep, sequence, stubFetch } from './test-helpers/stub-fetch.js';

const NOW = Date.parse('2024-05-04T09:42:00Z');

function client(fetch: AtlasClientOptions['fetch'], retry: RetryOptions = {}, extra: AtlasClientOptions = {}) {
  const recorder = recordingSleep();
  const c = createAtlasClient({ fetch, retry: { random: () => 0.5, sleep: recorder.sleep, now: () => NOW, ...retry }, ...extra });
  return { client: c, waits: recorder.waits };
}

/** A fetch that never answers but rejects when its request is aborted; `arrived` resolves on the first request. */
function hangingFetch() {
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const stub = stubFetch(
    (request) =>
      new Promise<Response>((_, reject) => {
        arrive();
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
      }),
  );
  return { ...stub, arrived };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('retries', () => {
  it.each([429, 500, 502, 503, 504])('retries a GET answered %i, then succeeds', async (status) => {
    const stub = sequence(
      () => apiError(status, 'TRANSIENT'),
      () => page([], 0),
    );
    const { client: c, waits } = client(stub.fetch);
    await expect(c.listProjects()).resolves.toMatchObject({ totalCount: 0 });
    expect(stub.requests).toHaveLength(2);
    expect(waits).toEqual([250]); // full jitter: 0.5 × 500 ms
  });

  it.each([
    [400, 'INVALID_PARAMETER'],
    [401, 'UNEXPECTED_ERROR'],
    [403, 'FORBIDDEN'],
    [404, 'GROUP_NOT_FOUND'],
  ])('does not retry %i; throws AtlasApiError built from the body', async (status, errorCode) => {
    const stub = sequence(
      () => apiError(status, errorCode),
      () => page([], 0),
    );
    const { client: c, waits } = client(stub.fetch);
    const error = await c.listProjects({ pageNum: 3 }).catch((e: unknown) => e);
    expect(isAtlasApiError(error)).toBe(true);
    expect(error).toMatchObject({
      status,
      errorCode,
      detail: `detail of ${errorCode}`,
      reason: 'Reason',
      parameters: ['x'],
      method: 'GET',
      url: 'https://cloud.mongodb.com/api/atlas/v2/groups?pageNum=3',
      headers: expect.objectContaining({ 'x-error-code': errorCode }) as unknown,
    });
    expect(stub.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('synthesises the error when the body is not an Atlas ApiError', async () => {
    const stub = sequence(
      () => new Response('<html>bad gateway</html>', { status: 502, headers: { 'set-cookie': 'session=abc' } }),
    );
    const { client: c } = client(stub.fetch, { limit: 0 });
    const error = await c.listProjects().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AtlasApiError', status: 502, errorCode: 'HTTP_502', parameters: [] });
    expect((error as { headers: Record<string, string> }).headers).not.toHaveProperty('set-cookie');
  });

  it('honours Retry-After in seconds', async () => {
    const stub = sequence(
      () => apiError(429, 'RATE_LIMITED', { 'retry-after': '2' }),
      () => page([], 0),
    );
    const { client: c, waits } = client(stub.fetch);
    await c.listProjects();
    expect(waits).toEqual([2000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const at = new Date(NOW + 5000).toUTCString();
    const stub = sequence(
      () => apiError(503, 'SERVICE_UNAVAILABLE', { 'retry-after': at }),
      () => page([], 0),
    );
    const { client: c, waits } = client(stub.fetch);
    await c.listProjects();
    expect(waits).toEqual([5000]);
  });

  it('fails with the 429 when Retry-After is above maxRetryAfterMs', async () => {
    const stub = sequence(
      () => apiError(429, 'RATE_LIMITED', { 'retry-after': '120' }),
      () => page([], 0),
    );
    const { client: c, waits } = client(stub.fetch);
    await expect(c.listProjects()).rejects.toMatchObject({ status: 429, errorCode: 'RATE_LIMITED', retryAfterMs: 120_000 });
    expect(stub.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('a raised maxRetryAfterMs waits longer', async () => {
    const stub = sequence(
      () => apiError(429, 'RATE_LIMITED', { 'retry-after': '90' }),
      () => page([], 0),
    );
    const { client: c, waits } = client(stub.fetch, { maxRetryAfterMs: 300_000 });
    await c.listProjects();
    expect(waits).toEqual([90_000]);
  });

  it('backs off exponentially up to the limit, then throws the last error', async () => {
    const stub = sequence(() => apiError(503, 'SERVICE_UNAVAILABLE'));
    const { client: c, waits } = client(stub.fetch, { limit: 4, random: () => 0.999, backoffBaseMs: 100, backoffMaxMs: 500 });
    await expect(c.listProjects()).rejects.toMatchObject({ status: 503 });
    expect(stub.requests).toHaveLength(5);
    expect(waits).toEqual([99, 199, 399, 499]);
  });

  it('the default limit is 3 retries', async () => {
    const stub = sequence(() => apiError(500, 'UNEXPECTED_ERROR'));
    const { client: c } = client(stub.fetch);
    await expect(c.listProjects()).rejects.toMatchObject({ status: 500 });
    expect(stub.requests).toHaveLength(4);
  });

  it('retry: 0 disables retries', async () => {
    const stub = sequence(() => apiError(503, 'SERVICE_UNAVAILABLE'));
    await expect(createAtlasClient({ fetch: stub.fetch, retry: 0 }).listProjects()).rejects.toMatchObject({ status: 503 });
    expect(stub.requests).toHaveLength(1);
  });

  it('retries network errors and keeps the cause', async () => {
    const cause = new TypeError('fetch failed');
    const stub = stubFetch(() => Promise.reject(cause));
    const { client: c, waits } = client(stub.fetch, { limit: 2 });
    const error = await c.listProjects().catch((e: unknown) => e);
    expect(isAtlasRequestError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'network', method: 'GET', url: 'https://cloud.mongodb.com/api/atlas/v2/groups', cause });
    expect(stub.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it('a transport that throws synchronously is a network error', async () => {
    const { client: c } = client(
      () => {
        throw new Error('socket hang up');
      },
      { limit: 0 },
    );
    await expect(c.listProjects()).rejects.toMatchObject({ name: 'AtlasRequestError', kind: 'network' });
  });

  it('recovers after a network error', async () => {
    let calls = 0;
    const { client: c } = client(() =>
      calls++ === 0 ? Promise.reject(new TypeError('ECONNRESET')) : Promise.resolve(page([], 0)),
    );
    await expect(c.listProjects()).resolves.toMatchObject({ totalCount: 0 });
    expect(calls).toBe(2);
  });
});

describe('timeouts, deadline and abort', () => {
  it('a per-attempt timeout is retried, then reported as kind timeout', async () => {
    vi.useFakeTimers();
    const stub = hangingFetch();
    const { client: c } = client(stub.fetch, { limit: 1, random: () => 0 }, { timeout: 1000 });
    const pending = c.listProjects().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(stub.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toMatchObject({ name: 'AtlasRequestError', kind: 'timeout' });
  });

  it('times out even when the transport ignores its signal', async () => {
    vi.useFakeTimers();
    const { client: c } = client(() => new Promise<Response>(() => undefined), { limit: 0 }, { timeout: 500 });
    const pending = c.listProjects().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    expect(await pending).toMatchObject({ kind: 'timeout' });
  });

  it('the overall deadline stops a call mid-attempt and is not retried', async () => {
    vi.useFakeTimers();
    const stub = hangingFetch();
    const { client: c } = client(stub.fetch, { limit: 5 }, { timeout: 10_000, deadline: 2500 });
    const pending = c.listProjects().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2500);
    const error = await pending;
    expect(error).toMatchObject({ name: 'AtlasRequestError', kind: 'timeout' });
    expect(String((error as Error & { cause: unknown }).cause)).toContain('deadline of 2500 ms');
    expect(stub.requests).toHaveLength(1);
  });

  it('does not start a wait that would overrun the deadline: fails with the last error', async () => {
    const stub = sequence(
      () => apiError(429, 'RATE_LIMITED', { 'retry-after': '30' }),
      () => page([], 0),
    );
    const { client: c, waits } = client(stub.fetch, {}, { deadline: 10_000 });
    await expect(c.listProjects()).rejects.toMatchObject({ status: 429 });
    expect(waits).toEqual([]);
  });

  it("the caller's signal aborts during a backoff sleep, at once", async () => {
    vi.useFakeTimers();
    const stub = sequence(
      () => apiError(503, 'SERVICE_UNAVAILABLE'),
      () => page([], 0),
    );
    const c = createAtlasClient({ fetch: stub.fetch, retry: { random: () => 0.5 } });
    const controller = new AbortController();
    const pending = c.listProjects({ signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBeGreaterThan(0); // sleeping 250 ms before the retry
    const reason = new Error('user pressed q');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(await pending).toMatchObject({ name: 'AtlasRequestError', kind: 'aborted', cause: reason });
    expect(stub.requests).toHaveLength(1);
  });

  it('an injected sleep that ignores the signal is still cut short by an abort', async () => {
    const stub = sequence(
      () => apiError(503, 'SERVICE_UNAVAILABLE'),
      () => page([], 0),
    );
    const controller = new AbortController();
    const c = createAtlasClient({
      fetch: stub.fetch,
      retry: {
        sleep: () =>
          new Promise(() => {
            controller.abort();
          }),
      },
    });
    await expect(c.listProjects({ signal: controller.signal })).rejects.toMatchObject({ kind: 'aborted' });
  });

  it("the caller's signal aborts an attempt in flight", async () => {
    const stub = hangingFetch();
    const controller = new AbortController();
    const { client: c } = client(stub.fetch);
    const pending = c.listProjects({ signal: controller.signal }).catch((e: unknown) => e);
    await stub.arrived;
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });
    expect(stub.requests[0]?.signal.aborted).toBe(true);
    expect(stub.requests).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const stub = stubFetch(() => page([], 0));
    const { client: c } = client(stub.fetch);
    await expect(c.listProjects({ signal: AbortSignal.abort() })).rejects.toMatchObject({ kind: 'aborted' });
    expect(stub.requests).toHaveLength(0);
  });

  it('a slow success within the timeout is fine', async () => {
    vi.useFakeTimers();
    const stub = stubFetch(() => new Promise<Response>((resolve) => setTimeout(() => resolve(json({ results: [] })), 900)));
    const { client: c } = client(stub.fetch, {}, { timeout: 1000 });
    const pending = c.listProjects();
    await vi.advanceTimersByTimeAsync(900);
    await expect(pending).resolves.toEqual({ results: [] });
    expect(vi.getTimerCount()).toBe(0); // timers cleared
  });
});
