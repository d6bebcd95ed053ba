/** What the browser learns from each HTTP response (core's `onResponse` info, trimmed). */
export interface ResponseEvent {
  readonly status: number;
  readonly headers: Headers;
}

/** A tiny fan-out from core's `onResponse` hook to whoever listens (the browser). */
export interface ResponseFeed {
  /** Pass as `createAtlasClient({ onResponse: feed.emit })`. */
  readonly emit: (event: ResponseEvent) => void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: ResponseEvent) => void): () => void;
}

/**
 * @example
 * const feed = createResponseFeed();
 * const client = createAtlasClient({ onResponse: feed.emit });
 * feed.subscribe((event) => console.log(event.status));
 */
export function createResponseFeed(): ResponseFeed {
  const listeners = new Set<(event: ResponseEvent) => void>();
  return {
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
