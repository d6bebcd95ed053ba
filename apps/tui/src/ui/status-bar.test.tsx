import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { initialState } from '../state/initial.js';
import { emptyList } from '../state/list.js';
import { PageWindow } from '../state/page-window.js';
import type { BrowserState, ListData, ListScreen } from '../state/types.js';
import type { Checkpoint } from '../source/types.js';
import { checkpoints, hexId } from '../test-helpers/rows.js';
import { StatusBar } from './status-bar.js';

const DEPRECATION = 'Atlas deprecated listGroupClusterBackupCheckpoints (API 2023-01-01)';
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** A checkpoints screen whose list is `list`, with the deprecation line set. */
function withList(list: Partial<ListData<Checkpoint>>): BrowserState {
  const state = initialState(
    { rows: 30, columns: 100 },
    { groupId: hexId(1, 'a'), clusterName: 'Cluster0', view: 'checkpoints' },
    100,
  );
  const screen = state.stack[state.stack.length - 1] as ListScreen;
  const full = { ...emptyList<Checkpoint>({ column: 0, descending: true }), items: PageWindow.of(checkpoints(100), 1), ...list };
  return {
    ...state,
    deprecations: [{ operationId: 'listGroupClusterBackupCheckpoints', apiVersion: '2023-01-01', text: DEPRECATION }],
    stack: [...state.stack.slice(0, -1), { ...screen, list: full } as ListScreen],
  };
}

const frame = (state: BrowserState): string => {
  const view = render(<StatusBar state={state} />);
  unmount = view.unmount;
  return view.lastFrame() ?? '';
};

describe('StatusBar', () => {
  it('keeps the sort progress over the deprecation line between two pages (no read in flight)', () => {
    const state = withList({
      sort: { column: 3, descending: false },
      totalCount: 1000,
      hasMore: true,
      pagesLoaded: 1,
      pending: undefined,
    });
    const out = frame(state);
    expect(out).toContain('sorting by RESTORABLE needs every row: loading 100 of 1,000…');
    expect(out).toContain('loaded 100 of 1,000');
  });

  it('shows the deprecation once the sort has every row', () => {
    const state = withList({ sort: { column: 3, descending: false }, totalCount: 100, hasMore: false, pagesLoaded: 1 });
    expect(frame(state)).toContain(DEPRECATION);
  });

  it('says how many newer rows a refresh put above the screen', () => {
    const state = withList({ totalCount: 100, hasMore: false, pagesLoaded: 1, newer: 3, offset: 5, cursor: 8 });
    expect(frame(state)).toContain('↑ 3 newer (g: go to them)');
  });

  it('at 40 columns the progress stays whole and the key hint gives way', () => {
    const state = withList({ totalCount: 100, hasMore: false, pagesLoaded: 1 });
    const view = render(
      <Box width={40}>
        <StatusBar state={state} />
      </Box>,
    );
    unmount = view.unmount;
    const last = (view.lastFrame() ?? '').split('\n').at(-1) ?? '';
    expect(last).toMatch(/^loaded 100 of 100 +tab view/);
    expect(last.length).toBeLessThanOrEqual(40);
  });
});
