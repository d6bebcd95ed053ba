import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { initialState } from '../state/initial.js';
import type { BrowserState, ClusterView } from '../state/types.js';
import { Header } from './header.js';
import { fitTitle, headerText } from './header-text.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** The demo's sharded-legacy cluster of restore-points-demo, on `view`, `columns` wide. */
function at(view: ClusterView, columns: number): BrowserState {
  const state = initialState({ rows: 24, columns }, { groupId: 'g1', clusterName: 'sharded-legacy', view }, 100);
  const stack = state.stack.map((s) => ('projectName' in s ? { ...s, projectName: 'restore-points-demo' } : s));
  return { ...state, stack };
}

/** The header's title line as drawn. */
function titleLine(state: BrowserState): string {
  const view = render(<Header state={state} source={{ label: 'DEMO', demo: true }} />);
  unmount = view.unmount;
  return stripVTControlCharacters(view.lastFrame() ?? '').split('\n')[0] ?? '';
}

describe('the header breadcrumbs in a narrow terminal', () => {
  it('at 40 columns keeps where you are and cuts the start', () => {
    const line = titleLine(at('restorePoints', 40));
    expect(line).toMatch(/^…harded-legacy › restore points +DEMO$/);
    expect(line.length).toBeLessThanOrEqual(40);
    expect(titleLine(at('checkpoints', 40))).toMatch(/^…e-points-demo › sharded-legacy +DEMO$/);
  });

  it('at 120 columns shows every crumb', () => {
    expect(titleLine(at('restoreJobs', 120))).toContain(
      'atlas-checkpoints projects › restore-points-demo › sharded-legacy › restore jobs',
    );
  });

  it('drops the app name, then cuts the crumbs from the start', () => {
    expect(fitTitle(['projects', 'a-very-long-project-name'], 10)).toBe('…ject-name');
    expect(fitTitle(['projects', 'prod', 'Cluster0', 'restore points'], 30)).toBe('…d › Cluster0 › restore points');
    expect(fitTitle(['projects', 'prod'], 33)).toBe('atlas-checkpoints projects › prod');
    expect(fitTitle(['projects', 'prod'], 32)).toBe('projects › prod');
  });
});

describe("the header's proxy cache info", () => {
  const proxy = { label: 'http://127.0.0.1:8080', demo: false };
  const line = (state: BrowserState): string => {
    const view = render(<Header state={state} source={proxy} />);
    unmount = view.unmount;
    return stripVTControlCharacters(view.lastFrame() ?? '').split('\n')[0] ?? '';
  };
  const withCache = (state: BrowserState, screenId: number): BrowserState => ({
    ...state,
    cache: { [screenId]: { status: 'atlas-checkpoints-proxy; hit; ttl=40', age: 21 } },
  });

  it('shows a short form at 100 columns, the whole Cache-Status when there is room', () => {
    const state = at('checkpoints', 100);
    const top = state.stack.at(-1)?.id ?? -1;
    const narrow = line(withCache(state, top));
    expect(narrow).toContain('cache hit · age 21s');
    expect(narrow).toContain('newest first');
    expect(narrow.length).toBeLessThanOrEqual(100);
    expect(headerText(withCache(at('checkpoints', 200), top), proxy, 200).cache).toBe(
      'cache: atlas-checkpoints-proxy; hit; ttl=40 age 21s',
    );
  });

  it("shows no other screen's cache info", () => {
    const state = at('checkpoints', 100);
    const parent = state.stack.at(-2)?.id ?? -1;
    expect(line(withCache(state, parent))).not.toContain('cache');
  });
});
