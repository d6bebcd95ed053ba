import type { Action } from '../state/actions.js';
import { browserReducer } from '../state/reducer.js';
import { nextRequest, type FetchRequest } from '../state/selectors.js';
import type { BrowserState } from '../state/types.js';

/**
 * Answers the browser's requests from `rows` (the list of the current screen, in API order) as Atlas
 * would, through the reducer, until it asks for nothing more (or `maxRequests`). Returns the state and
 * the requests it made (`last` for a read of the last page).
 */
export function settle(
  state: BrowserState,
  rows: readonly unknown[],
  maxRequests = 10_000,
): { state: BrowserState; requests: Array<number | 'last'> } {
  const requests: Array<number | 'last'> = [];
  let token = 1000;
  for (let i = 0; i < maxRequests; i++) {
    const request = nextRequest(state);
    if (request === undefined || !('pageNum' in request)) break;
    requests.push(request.pageNum);
    state = answer(state, request, rows, ++token);
  }
  return { state, requests };
}

/** One request answered from `rows`: `fetchStarted` then `pageLoaded`. */
export function answer(
  state: BrowserState,
  request: Exclude<FetchRequest, { kind: 'detail' | 'record' }>,
  rows: readonly unknown[],
  token: number,
): BrowserState {
  const size = state.pageSize;
  const last = Math.max(1, Math.ceil(rows.length / size));
  const pageNum = request.pageNum === 'last' ? last : request.pageNum;
  const actions: Action[] = [
    { type: 'fetchStarted', screenId: request.screenId, token },
    {
      type: 'pageLoaded',
      screenId: request.screenId,
      token,
      page: { results: rows.slice((pageNum - 1) * size, pageNum * size), totalCount: rows.length },
      pageNum,
      place: request.place,
    },
  ];
  return actions.reduce(browserReducer, state);
}
