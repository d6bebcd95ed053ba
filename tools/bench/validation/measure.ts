/** Milliseconds of CPU this process has used (user + system, every thread: GC included). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Runs `step` repeatedly for `warmupMs` (discarded) and then for `budgetMs` of wall time, and
 * returns the completed steps per second of the CPU time the process used meanwhile: other
 * processes on a shared machine take wall time, not this process's CPU time, so the rate is
 * steadier than steps per wall second (which it equals on an idle machine, up to GC threads).
 *
 * @example
 * const perSecond = measure(() => JSON.parse(text), { warmupMs: 500, budgetMs: 3000 });
 */
export function measure(step: (iteration: number) => void, options: { warmupMs: number; budgetMs: number }): number {
  let iteration = 0;
  const warmupEnd = performance.now() + options.warmupMs;
  while (performance.now() < warmupEnd) step(iteration++);
  let count = 0;
  const startCpu = cpuMs();
  const end = performance.now() + options.budgetMs;
  while (performance.now() < end) {
    step(iteration++);
    count += 1;
  }
  return (count * 1000) / Math.max(cpuMs() - startCpu, 1e-3);
}

/**
 * Measures `steps` in alternating rounds (each round runs every step for `budgetMs / rounds`) and
 * returns each step's median rate, so a change in machine load during the run hits every step alike.
 *
 * @example
 * const [typebox, ajv] = alternate([(i) => check(i), (i) => ajvCheck(i)], { warmupMs: 500, budgetMs: 3000, rounds: 5 });
 */
export function alternate(
  steps: ReadonlyArray<(iteration: number) => void>,
  options: { warmupMs: number; budgetMs: number; rounds: number },
): number[] {
  const rates = steps.map(() => [] as number[]);
  const round = { warmupMs: 0, budgetMs: options.budgetMs / options.rounds };
  steps.forEach((step) => measure(step, { warmupMs: options.warmupMs, budgetMs: 1 }));
  for (let r = 0; r < options.rounds; r += 1) steps.forEach((step, i) => rates[i]?.push(measure(step, round)));
  return rates.map((values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0);
}
