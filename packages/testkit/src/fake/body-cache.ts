/** A bounded memo of rendered bodies (fixtures never change, so a URL always renders the same text). */
export interface BodyCache {
  get(key: string, render: () => string): string;
}

/**
 * Creates a FIFO-bounded body cache; `limit` 0 disables it.
 *
 * @example
 * const text = cache.get(url.href, () => JSON.stringify(body));
 */
export function createBodyCache(limit: number): BodyCache {
  const bodies = new Map<string, string>();
  return {
    get(key, render) {
      const hit = bodies.get(key);
      if (hit !== undefined) return hit;
      const text = render();
      if (limit > 0) {
        if (bodies.size >= limit) bodies.delete(bodies.keys().next().value as string);
        bodies.set(key, text);
      }
      return text;
    },
  };
}
