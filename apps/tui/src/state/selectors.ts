import { itemAt, viewLength } from './list.js';
import type { BrowserState, ListScreen, Screen } from './types.js';

/** Lines the browser draws around a list: header (2), column titles (1), status (2), margin (1). */
const LIST_CHROME = 6;
/** Start fetching the next page when the cursor is this close to the end of what is loaded. */
export const PREFETCH_MARGIN = 50;

/** The screen on top of the stack. */
export function currentScreen(state: BrowserState): Screen {
  const screen = state.stack[state.stack.length - 1];
  if (screen === undefined) throw new Error('browser stack is empty');
  return screen;
}

/** How many list rows fit on screen. */
export function listHeight(state: BrowserState): number {
  return Math.max(1, state.viewport.rows - LIST_CHROME);
}

/** What the browser should fetch next, if anything. */
export type FetchRequest =
  | { readonly kind: 'projects'; readonly screenId: number; readonly pageNum: number }
  | { readonly kind: 'clusters'; readonly screenId: number; readonly pageNum: number; readonly groupId: string }
  | {
      readonly kind: 'checkpoints';
      readonly screenId: number;
      readonly pageNum: number;
      readonly groupId: string;
      readonly clusterName: string;
    }
  | {
      readonly kind: 'detail';
      readonly screenId: number;
      readonly groupId: string;
      readonly clusterName: string;
      readonly checkpointId: string;
    };

/**
 * The request the current screen needs: its first page, the next page once the cursor nears the end,
 * or the checkpoint of a detail screen opened by id. `undefined` while one is in flight or after an error.
 *
 * @example
 * const request = nextRequest(state); if (request) fetchFor(request)
 */
export function nextRequest(state: BrowserState): FetchRequest | undefined {
  const screen = currentScreen(state);
  if (screen.kind === 'detail') {
    if (screen.checkpoint !== undefined || screen.pending !== undefined || screen.error !== undefined) return undefined;
    const { groupId, clusterName, checkpointId } = screen;
    return { kind: 'detail', screenId: screen.id, groupId, clusterName, checkpointId };
  }
  const list = screen.list;
  if (list.pending !== undefined || list.error !== undefined || !list.hasMore) return undefined;
  const nearEnd = list.pagesLoaded === 0 || list.cursor + PREFETCH_MARGIN >= viewLength(list);
  if (!nearEnd) return undefined;
  const pageNum = list.pagesLoaded + 1;
  switch (screen.kind) {
    case 'projects':
      return { kind: 'projects', screenId: screen.id, pageNum };
    case 'clusters':
      return { kind: 'clusters', screenId: screen.id, pageNum, groupId: screen.groupId };
    case 'checkpoints':
      return { kind: 'checkpoints', screenId: screen.id, pageNum, groupId: screen.groupId, clusterName: screen.clusterName };
    default:
      return screen satisfies never;
  }
}

/** The item under the cursor (or the checkpoint shown), for `enter` and `y`. */
export function selectedItem(state: BrowserState): unknown {
  const screen = currentScreen(state);
  if (screen.kind === 'detail') return screen.checkpoint;
  return itemAt<unknown>(screen.list, screen.list.cursor);
}

/** True when the screen is a list. */
export function isListScreen(screen: Screen): screen is ListScreen {
  return screen.kind !== 'detail';
}
