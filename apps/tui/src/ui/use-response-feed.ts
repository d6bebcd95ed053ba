import { useEffect } from 'react';
import type { ResponseFeed } from '../source/response-feed.js';
import type { Action } from '../state/actions.js';

/** Seconds from a `Retry-After` header (seconds or HTTP date); 1 s when absent or unreadable. */
function retryAfterMs(value: string | null, now: number): number {
  if (value === null) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

/** Turns responses into actions: 429 → "waiting and retrying", a proxy's `Cache-Status`/`Age` → header info. */
export function useResponseFeed(feed: ResponseFeed | undefined, dispatch: (action: Action) => void): void {
  useEffect(() => {
    if (feed === undefined) return undefined;
    return feed.subscribe(({ status, headers }) => {
      if (status === 429) dispatch({ type: 'rateLimited', retryAfterMs: retryAfterMs(headers.get('retry-after'), Date.now()) });
      const cacheStatus = headers.get('cache-status');
      if (cacheStatus !== null) {
        const age = headers.get('age');
        dispatch({ type: 'cacheInfo', status: cacheStatus, age: age === null ? undefined : Number(age) });
      }
    });
  }, [feed, dispatch]);
}
