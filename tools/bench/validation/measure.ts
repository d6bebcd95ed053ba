/**
 * Runs `step` repeatedly for `warmupMs` (discarded) and then for `budgetMs`, and returns the
 * number of completed steps per second during the measured part.
 *
 * @example
 * const perSecond = measure(() => JSON.parse(text), { warmupMs: 500, budgetMs: 3000 });
 */
export function measure(step: (iteration: number) => void, options: { warmupMs: number; budgetMs: number }): number {
  let iteration = 0;
  const warmupEnd = performance.now() + options.warmupMs;
  while (performance.now() < warmupEnd) step(iteration++);
  let count = 0;
  const start = performance.now();
  const end = start + options.budgetMs;
  let now = start;
  while (now < end) {
    step(iteration++);
    count += 1;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}
