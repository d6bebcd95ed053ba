import type { Key } from 'ink';
import type { Checkpoint, PageOf } from '../source/types.js';
import type { ErrorInfo } from './types.js';

/** Everything that can happen to the browser; the reducer handles each kind. */
export type Action =
  | { readonly type: 'key'; readonly input: string; readonly key: Key }
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'page'; readonly direction: 1 | -1 }
  | { readonly type: 'top' }
  | { readonly type: 'bottom' }
  | { readonly type: 'open' }
  | { readonly type: 'back' }
  | { readonly type: 'filterStart' }
  | { readonly type: 'filterInput'; readonly text: string }
  | { readonly type: 'filterBackspace' }
  | { readonly type: 'filterCommit' }
  | { readonly type: 'filterCancel' }
  | { readonly type: 'sortCycle' }
  | { readonly type: 'refresh' }
  | { readonly type: 'toggleHelp' }
  | { readonly type: 'resize'; readonly rows: number; readonly columns: number }
  | { readonly type: 'fetchStarted'; readonly screenId: number; readonly token: number }
  | { readonly type: 'pageLoaded'; readonly screenId: number; readonly token: number; readonly page: PageOf<unknown> }
  | { readonly type: 'detailLoaded'; readonly screenId: number; readonly token: number; readonly checkpoint: Checkpoint }
  | { readonly type: 'fetchFailed'; readonly screenId: number; readonly token: number; readonly error: ErrorInfo }
  | { readonly type: 'rateLimited'; readonly retryAfterMs: number }
  | { readonly type: 'cacheInfo'; readonly status: string; readonly age: number | undefined }
  | { readonly type: 'copied'; readonly seq: number; readonly delivered: boolean }
  | { readonly type: 'quit' };
