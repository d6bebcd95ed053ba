/** How `--cache-max-bytes` is shared between what the proxy keeps in process. */
export interface MemoryBudget {
  /** The entries (the memory store, or the local copy beside Redis): half. */
  readonly store: number;
  /** Rendered bodies with their gzip and brotli copies: a quarter. */
  readonly rendered: number;
  /** Parsed entry documents, counted at three times their JSON: three sixteenths. */
  readonly docs: number;
  /** Exact requests remembered as aliases of their rendered variant: a sixteenth. */
  readonly aliases: number;
}

/**
 * Splits the one bound a deployer sets (`--cache-max-bytes`) between every cache the proxy keeps
 * in process, so their sum never exceeds it (each part is an LRU bounded in bytes).
 *
 * @example
 * splitCacheBytes(256 * 1024 * 1024) // { store: 128 MiB, rendered: 64 MiB, docs: 48 MiB, aliases: 16 MiB }
 */
export function splitCacheBytes(total: number): MemoryBudget {
  const sixteenth = Math.floor(total / 16);
  return { store: sixteenth * 8, rendered: sixteenth * 4, docs: sixteenth * 3, aliases: sixteenth };
}
