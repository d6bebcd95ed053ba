import { parseRetryAfter } from '@atlas-checkpoints/core';
import { useEffect } from 'react';
import { deprecationLine, type ResponseFeed } from '../source/response-feed.js';
import type { Action } from '../state/actions.js';

/** The wait shown when a 429 carries no readable `Retry-After`, ms. */
const UNKNOWN_WAIT_MS = 1000;

/**
 * Turns responses into actions: 429 → "waiting and retrying", a proxy's `Cache-Status`/`Age` → header
 * info, a deprecation (core's `onDeprecation`) → one status line.
 */
export function useResponseFeed(feed: ResponseFeed | undefined, dispatch: (action: Action) => void): void {
  useEffect(() => {
    if (feed === undefined) return undefined;
    return feed.subscribe(({ status, headers }) => {
      if (status === 429) {
        const waitMs = parseRetryAfter(headers.get('retry-after'), Date.now()) ?? UNKNOWN_WAIT_MS;
        dispatch({ type: 'rateLimited', retryAfterMs: waitMs });
      }
      const cacheStatus = headers.get('cache-status');
      if (cacheStatus !== null) {
        const age = headers.get('age');
        dispatch({ type: 'cacheInfo', status: cacheStatus, age: age === null ? undefined : Number(age) });
      }
    });
  }, [feed, dispatch]);
  useEffect(() => {
    if (feed === undefined) return undefined;
    return feed.subscribeDeprecations((event) =>
      dispatch({
        type: 'deprecated',
        operationId: event.operationId,
        apiVersion: event.apiVersion,
        text: deprecationLine(event),
      }),
    );
  }, [feed, dispatch]);
}
