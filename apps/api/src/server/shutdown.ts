import { setTimeout as sleep } from 'node:timers/promises';

/** Waits `ms` or until `promise` settles, whichever is first, leaving no timer behind. */
async function within(promise: Promise<unknown>, ms: number, wait: (ms: number, signal: AbortSignal) => Promise<unknown>) {
  const stop = new AbortController();
  try {
    await Promise.race([promise, wait(ms, stop.signal).catch(() => undefined)]);
  } finally {
    stop.abort();
  }
}

/** What a graceful shutdown acts on. */
export interface ShutdownSteps {
  /** Readiness turns 503; requests are still served. */
  drain(): void;
  /** Stops accepting connections; resolves once every connection has closed. */
  stopAccepting(): Promise<void>;
  /** Requests still running. */
  inFlight(): number;
  /** Answers every request still running with an Atlas-shaped 503 and aborts upstream work. */
  abortInFlight(): void;
  /** Closes every connection now. */
  closeConnections(): void;
  /** Closes the proxy's resources (fills, upstream pool, store, exporters) within `timeoutMs`. */
  closeResources(timeoutMs: number): Promise<void>;
  /** Told each phase as it starts. */
  onPhase?(phase: 'draining' | 'closing' | 'aborting' | 'closing-resources', detail: { inFlight: number }): void;
}

/** Shutdown timing, in ms. */
export interface ShutdownTiming {
  /** How long readiness says 503 while requests are still served (`--drain-delay`). */
  readonly drainDelayMs: number;
  /** The whole shutdown, drain delay included (`--shutdown-timeout`; keep it under the orchestrator's grace period). */
  readonly timeoutMs: number;
  /** Waits, or rejects when `signal` aborts; injectable for tests (default `timers/promises` `setTimeout`). */
  readonly sleep?: ((ms: number, signal: AbortSignal) => Promise<unknown>) | undefined;
  readonly now?: (() => number) | undefined;
}

/**
 * The graceful shutdown on SIGTERM, bounded by `timeoutMs` whatever upstream does:
 *
 * 1. readiness turns 503 and the proxy keeps serving for `drainDelayMs`, so the orchestrator
 *    takes it out of rotation before it stops accepting (each answer asks its connection to close);
 * 2. the listener closes and requests in flight may finish;
 * 3. at the deadline less a reserve (a fifth of the timeout, at most 2 s), requests still running
 *    are answered with an Atlas-shaped 503 and upstream work is aborted; connections close;
 * 4. the proxy's resources close within what is left.
 *
 * @example
 * await shutdown(steps, { drainDelayMs: 5_000, timeoutMs: 25_000 });
 */
export async function shutdown(steps: ShutdownSteps, timing: ShutdownTiming): Promise<void> {
  const wait = timing.sleep ?? ((ms: number, signal: AbortSignal) => sleep(ms, undefined, { signal }));
  const now = timing.now ?? Date.now;
  const deadline = now() + timing.timeoutMs;
  const reserve = Math.min(2_000, Math.floor(timing.timeoutMs / 5));
  const hardStop = deadline - reserve;
  const left = (until: number) => Math.max(0, until - now());

  steps.onPhase?.('draining', { inFlight: steps.inFlight() });
  steps.drain();
  await within(new Promise(() => undefined), Math.min(timing.drainDelayMs, left(hardStop)), wait);

  steps.onPhase?.('closing', { inFlight: steps.inFlight() });
  let closed = false;
  const allClosed = steps.stopAccepting().then(() => {
    closed = true;
  });
  await within(allClosed, left(hardStop), wait);

  if (!closed || steps.inFlight() > 0) {
    steps.onPhase?.('aborting', { inFlight: steps.inFlight() });
    steps.abortInFlight();
    // Let the 503s reach their sockets, then close whatever is still open.
    await within(allClosed, Math.min(500, left(deadline)), wait);
    steps.closeConnections();
  }

  steps.onPhase?.('closing-resources', { inFlight: steps.inFlight() });
  await within(
    steps.closeResources(left(deadline)).catch(() => undefined),
    left(deadline),
    wait,
  );
}
