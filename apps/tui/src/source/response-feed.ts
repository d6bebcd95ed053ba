/** What the browser learns from each HTTP response (core's `onResponse` info, trimmed). */
export interface ResponseEvent {
  readonly status: number;
  readonly headers: Headers;
}

/** What the browser learns from core's `onDeprecation` (its `DeprecationNotice`, trimmed). */
export interface DeprecationEvent {
  readonly operationId: string;
  readonly apiVersion: string;
  readonly sunset?: Date | undefined;
}

/** A tiny fan-out from core's `onResponse` and `onDeprecation` hooks to whoever listens (the browser). */
export interface ResponseFeed {
  /** Pass as `createAtlasClient({ onResponse: feed.emit })`. */
  readonly emit: (event: ResponseEvent) => void;
  /** Pass as `createAtlasClient({ onDeprecation: feed.deprecated })`. */
  readonly deprecated: (event: DeprecationEvent) => void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: ResponseEvent) => void): () => void;
  /** Deprecations, including those reported before subscribing; returns the unsubscribe function. */
  subscribeDeprecations(listener: (event: DeprecationEvent) => void): () => void;
}

/**
 * The one status line for a deprecation: `Atlas deprecated <operationId> (API <version>)[; removed <sunset date>]`.
 *
 * @example
 * deprecationLine({ operationId: 'listGroupClusterBackupCheckpoints', apiVersion: '2023-01-01', sunset: new Date('2027-07-01') })
 * // 'Atlas deprecated listGroupClusterBackupCheckpoints (API 2023-01-01); removed 2027-07-01'
 */
export function deprecationLine(event: DeprecationEvent): string {
  const sunset =
    event.sunset !== undefined && !Number.isNaN(event.sunset.getTime()) ? event.sunset.toISOString().slice(0, 10) : '';
  return `Atlas deprecated ${event.operationId} (API ${event.apiVersion})${sunset === '' ? '' : `; removed ${sunset}`}`;
}

/**
 * @example
 * const feed = createResponseFeed();
 * const client = createAtlasClient({ onResponse: feed.emit, onDeprecation: feed.deprecated });
 * feed.subscribe((event) => console.log(event.status));
 */
export function createResponseFeed(): ResponseFeed {
  const listeners = new Set<(event: ResponseEvent) => void>();
  const deprecationListeners = new Set<(event: DeprecationEvent) => void>();
  const deprecations: DeprecationEvent[] = [];
  return {
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    deprecated: (event) => {
      deprecations.push(event);
      for (const listener of deprecationListeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeDeprecations(listener) {
      for (const event of deprecations) listener(event);
      deprecationListeners.add(listener);
      return () => deprecationListeners.delete(listener);
    },
  };
}
