import type { Key } from 'ink';
import type { BackupRecord } from '../format/record-lines.js';
import type { Checkpoint, PageOf } from '../source/types.js';
import type { Deprecation, ErrorInfo, Place } from './types.js';

/** Everything that can happen to the browser; the reducer handles each kind. */
export type Action =
  | { readonly type: 'key'; readonly input: string; readonly key: Key }
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'page'; readonly direction: 1 | -1 }
  | { readonly type: 'top' }
  | { readonly type: 'bottom' }
  | { readonly type: 'open' }
  | { readonly type: 'back' }
  /** `tab` / shift-`tab`: the next (previous) view of the cluster: restore points, restore jobs, checkpoints. */
  | { readonly type: 'nextView'; readonly direction: 1 | -1 }
  | { readonly type: 'filterStart' }
  | { readonly type: 'filterInput'; readonly text: string }
  | { readonly type: 'filterBackspace' }
  | { readonly type: 'filterCommit' }
  | { readonly type: 'filterCancel' }
  | { readonly type: 'sortCycle' }
  | { readonly type: 'sortReverse' }
  /** `r`; `auto` for `--refresh` (skipped while a read is in flight or failed). */
  | { readonly type: 'refresh'; readonly auto?: boolean }
  | { readonly type: 'toggleHelp' }
  | { readonly type: 'resize'; readonly rows: number; readonly columns: number }
  | { readonly type: 'fetchStarted'; readonly screenId: number; readonly token: number }
  | {
      readonly type: 'pageLoaded';
      readonly screenId: number;
      readonly token: number;
      readonly page: PageOf<unknown>;
      /** The page's number (for the list's page size) and where it goes. */
      readonly pageNum: number;
      readonly place: Place;
    }
  | { readonly type: 'detailLoaded'; readonly screenId: number; readonly token: number; readonly checkpoint: Checkpoint }
  | { readonly type: 'recordLoaded'; readonly screenId: number; readonly token: number; readonly record: BackupRecord }
  | { readonly type: 'fetchFailed'; readonly screenId: number; readonly token: number; readonly error: ErrorInfo }
  | { readonly type: 'rateLimited'; readonly retryAfterMs: number }
  | { readonly type: 'cacheInfo'; readonly status: string; readonly age: number | undefined }
  | { readonly type: 'copied'; readonly seq: number; readonly delivered: boolean }
  | ({ readonly type: 'deprecated' } & Deprecation)
  /** `q`; Ctrl-C quits with `interrupted` (the process then exits 130, as shells expect after SIGINT). */
  | { readonly type: 'quit'; readonly interrupted?: boolean };
