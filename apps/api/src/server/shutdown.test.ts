import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram, type CliOptions } from '../cli/program.js';
import { shutdown, type ShutdownSteps } from './shutdown.js';

afterEach(() => {
  vi.useRealTimers();
});

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });

/** Steps that record when each happened; `requests` never finish unless `finish()` is called. */
function recorder(requests: number) {
  const start = Date.now();
  const events: Array<[string, number]> = [];
  let inFlight = requests;
  let closed: () => void = () => undefined;
  const at = (name: string) => events.push([name, Date.now() - start]);
  const steps: ShutdownSteps = {
    drain: () => at('drain'),
    stopAccepting: () => {
      at('stop-accepting');
      return new Promise<void>((resolve) => {
        closed = resolve;
        if (inFlight === 0) resolve();
      });
    },
    inFlight: () => inFlight,
    abortInFlight: () => {
      at('abort');
      inFlight = 0;
      closed();
    },
    closeConnections: () => at('close-connections'),
    closeResources: async () => {
      at('close-resources');
    },
  };
  return {
    steps,
    events,
    finish: () => {
      inFlight = 0;
      closed();
    },
  };
}

describe('graceful shutdown', () => {
  it('with the default flags and a request that never finishes: drains, stops accepting, answers it 503, all within 25 s', async () => {
    const defaults = buildProgram().parse(['node', 'proxy']).opts<CliOptions>();
    vi.useFakeTimers();
    const { steps, events } = recorder(1);
    let done = false;
    const ended = shutdown(steps, { drainDelayMs: defaults.drainDelay, timeoutMs: defaults.shutdownTimeout, sleep }).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(30_000);
    await ended;
    expect(done).toBe(true);
    expect(events.map(([name]) => name)).toEqual(['drain', 'stop-accepting', 'abort', 'close-connections', 'close-resources']);
    const time = Object.fromEntries(events);
    expect(time['stop-accepting']).toBe(5_000);
    expect(time.abort).toBe(23_000);
    expect(time['close-resources']).toBeLessThanOrEqual(25_000);
    expect(defaults.shutdownTimeout).toBeLessThan(30_000);
  });

  it('ends as soon as the requests in flight finish, without answering any 503', async () => {
    vi.useFakeTimers();
    const { steps, events, finish } = recorder(2);
    const ended = shutdown(steps, { drainDelayMs: 1_000, timeoutMs: 20_000, sleep });
    await vi.advanceTimersByTimeAsync(1_500);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    await ended;
    expect(events.map(([name]) => name)).toEqual(['drain', 'stop-accepting', 'close-resources']);
    expect(Object.fromEntries(events)['close-resources']).toBe(1_500);
  });

  it('never waits longer than the timeout, even with a drain delay longer than it', async () => {
    vi.useFakeTimers();
    const { steps, events } = recorder(1);
    const ended = shutdown(steps, { drainDelayMs: 60_000, timeoutMs: 5_000, sleep });
    await vi.advanceTimersByTimeAsync(10_000);
    await ended;
    expect(Object.fromEntries(events)['close-resources']).toBeLessThanOrEqual(5_000);
  });
});
