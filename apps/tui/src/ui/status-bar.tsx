import { Box, Text } from 'ink';
import { viewLength } from '../state/list.js';
import { currentScreen } from '../state/selectors.js';
import type { BrowserState } from '../state/types.js';
import { useColor } from './color.js';
import { Spinner } from './spinner.js';

/** "loaded N of totalCount" (or "N shown of M loaded" while filtered). */
function loadedText(state: BrowserState): string {
  const screen = currentScreen(state);
  if (screen.kind === 'detail') return '';
  const { list } = screen;
  const loaded = list.items.length.toLocaleString('en-US');
  const total = list.totalCount === undefined ? (list.hasMore ? '?' : loaded) : list.totalCount.toLocaleString('en-US');
  const shown = list.view === null ? '' : ` · ${viewLength(list).toLocaleString('en-US')} match`;
  return `loaded ${loaded} of ${total}${shown}`;
}

/** The two bottom lines: filter prompt or notice, then progress, spinner and a help hint. */
export function StatusBar({ state }: { state: BrowserState }) {
  const color = useColor();
  const screen = currentScreen(state);
  const pending = screen.kind === 'detail' ? screen.pending !== undefined : screen.list.pending !== undefined;
  const filter = screen.kind === 'detail' ? '' : screen.list.filter;
  let first = <Text> </Text>;
  if (state.filterDraft !== undefined) first = <Text {...color('yellow')}>/{state.filterDraft}▏ (enter keep · esc clear)</Text>;
  else if (state.rateLimitedMs !== undefined)
    first = (
      <Text {...color('yellow')}>Rate limited by Atlas: waiting {Math.ceil(state.rateLimitedMs / 1000)}s and retrying…</Text>
    );
  else if (state.notice !== undefined) first = <Text {...color('green')}>{state.notice}</Text>;
  else if (filter !== '') first = <Text {...color('yellow')}>filter: {filter} (esc clears)</Text>;
  return (
    <Box flexDirection="column">
      {first}
      <Box justifyContent="space-between">
        <Box gap={2}>
          <Text>{loadedText(state)}</Text>
          {pending ? <Spinner label="loading…" /> : null}
        </Box>
        <Text {...color('gray')}>? help · q quit</Text>
      </Box>
    </Box>
  );
}
