import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchedDestination } from './batched-destination.js';

function inner() {
  const writes: string[] = [];
  return { writes, destination: { write: (text: string) => void writes.push(text) } };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('batchedDestination', () => {
  it('hands a burst of lines on in one write, after the interval', () => {
    vi.useFakeTimers();
    const { writes, destination } = inner();
    const batched = batchedDestination(destination, { intervalMs: 25 });
    for (let i = 0; i < 10; i += 1) batched.write(`line ${i}\n`);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(24);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join('')]);
  });

  it('writes at once when maxLines are waiting, and starts a new batch', () => {
    vi.useFakeTimers();
    const { writes, destination } = inner();
    const batched = batchedDestination(destination, { maxLines: 3, intervalMs: 25 });
    for (const line of ['a\n', 'b\n', 'c\n', 'd\n']) batched.write(line);
    expect(writes).toEqual(['a\nb\nc\n']);
    vi.advanceTimersByTime(25);
    expect(writes).toEqual(['a\nb\nc\n', 'd\n']);
  });

  it('formats a lazy line when its batch is written, in order', () => {
    const { writes, destination } = inner();
    const batched = batchedDestination(destination);
    let formatted = 0;
    batched.write('first\n');
    batched.write({ toString: () => `lazy ${++formatted}\n` });
    batched.write('last\n');
    expect(formatted).toBe(0);
    batched.flushSync?.();
    expect(writes).toEqual(['first\nlazy 1\nlast\n']);
  });

  it('flush writes what waits and calls back', async () => {
    const { writes, destination } = inner();
    const batched = batchedDestination(destination);
    batched.write('x\n');
    await new Promise<void>((resolve) => batched.flush?.(() => resolve()));
    expect(writes).toEqual(['x\n']);
  });
});
