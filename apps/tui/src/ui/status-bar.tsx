import { Box, Text } from 'ink';
import { viewLength } from '../state/list.js';
import { currentScreen, isListScreen, loadingReason, pollsRunningJob } from '../state/selectors.js';
import { isClusterView } from '../state/cluster-views.js';
import { deprecationOf } from '../state/operations.js';
import type { BrowserState } from '../state/types.js';
import { useColor } from './color.js';
import { Spinner } from './spinner.js';

/** "loaded N of totalCount" (or "… · M match" while filtered). */
function loadedText(state: BrowserState): string {
  const screen = currentScreen(state);
  if (!isListScreen(screen)) return screen.kind === 'record' && screen.stale ? 'refreshing…' : '';
  const { list } = screen;
  const loaded = list.items.length.toLocaleString('en-US');
  const total = list.totalCount === undefined ? (list.hasMore ? '?' : loaded) : list.totalCount.toLocaleString('en-US');
  const shown = list.filter === '' ? '' : ` · ${viewLength(list).toLocaleString('en-US')} match`;
  return `loaded ${loaded} of ${total}${shown}`;
}

/**
 * The message line's text and colour: the filter prompt, a rate limit, what is loading and why, rows
 * a refresh brought above the screen (`↑ 3 newer`), a notice, the active filter, a deprecation of an operation behind the screen; `undefined` when there is nothing to say.
 */
function messageOf(state: BrowserState): { text: string; color: string } | undefined {
  const screen = currentScreen(state);
  const filter = isListScreen(screen) ? screen.list.filter : '';
  const reason = loadingReason(state);
  if (state.filterDraft !== undefined) return { text: `/${state.filterDraft}▏ (enter keep · esc clear)`, color: 'yellow' };
  if (state.rateLimitedMs !== undefined)
    return { text: `Rate limited by Atlas: waiting ${Math.ceil(state.rateLimitedMs / 1000)}s and retrying…`, color: 'yellow' };
  if (reason !== undefined) return { text: reason, color: 'cyan' };
  const newer = isListScreen(screen) ? screen.list.newer : 0;
  if (newer > 0) return { text: `↑ ${newer.toLocaleString('en-US')} newer (g: go to them)`, color: 'green' };
  if (state.notice !== undefined) return { text: state.notice, color: 'green' };
  if (filter !== '') return { text: `filter: ${filter} (esc clears)`, color: 'yellow' };
  const deprecation = deprecationOf(state);
  if (deprecation !== undefined) return { text: deprecation, color: 'yellow' };
  return undefined;
}

/**
 * The bottom lines: a message line (see {@link MessageLine}), then progress, spinner and a help hint.
 * With `lines={1}` (short terminals) the message, when there is one, replaces the progress line.
 */
export function StatusBar({ state, lines = 2 }: { state: BrowserState; lines?: 1 | 2 }) {
  const color = useColor();
  const screen = currentScreen(state);
  const pending = isListScreen(screen) ? screen.list.pending !== undefined : screen.pending !== undefined;
  const said = messageOf(state);
  const message = (
    <Box height={1}>
      <Text {...(said === undefined ? {} : color(said.color))} wrap="truncate">
        {said?.text ?? ' '}
      </Text>
    </Box>
  );
  const progress = (
    <Box justifyContent="space-between" height={1} overflow="hidden">
      <Box gap={2} flexShrink={0}>
        <Text>{loadedText(state)}</Text>
        {pending ? <Spinner label="loading…" /> : null}
        {pollsRunningJob(state) ? <Text {...color('cyan')}>restore running: watching</Text> : null}
      </Box>
      {/* The key hint gives way first: the progress is what changes. */}
      <Box flexShrink={1} marginLeft={1}>
        <Text {...color('gray')} wrap="truncate">
          {isClusterView(screen.kind) ? 'tab view · ' : ''}? help · q quit
        </Text>
      </Box>
    </Box>
  );
  if (lines === 1) return said === undefined ? progress : message;
  return (
    <Box flexDirection="column">
      {message}
      {progress}
    </Box>
  );
}
