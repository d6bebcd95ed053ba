/**
 * Collapses concurrent calls for one key into one: the first caller runs `fn`, the others
 * share its promise (`collapsed: true`). The key is free again once the promise settles.
 *
 * @example
 * const flight = new SingleFlight<string>();
 * const { promise, collapsed } = flight.run('k', () => fetchIt());
 */
export class SingleFlight<T> {
  readonly #inFlight = new Map<string, Promise<T>>();

  run(key: string, fn: () => Promise<T>): { promise: Promise<T>; collapsed: boolean } {
    const existing = this.#inFlight.get(key);
    if (existing) return { promise: existing, collapsed: true };
    const promise = (async () => fn())().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, promise);
    return { promise, collapsed: false };
  }

  /** True while a call for `key` is running. */
  has(key: string): boolean {
    return this.#inFlight.has(key);
  }

  /** Resolves once every call in flight now has settled (fulfilled or rejected). */
  settled(): Promise<void> {
    return Promise.allSettled([...this.#inFlight.values()]).then(() => undefined);
  }

  /** Number of calls in flight. */
  get size(): number {
    return this.#inFlight.size;
  }
}
