import { Box, Text } from 'ink';
import type { BrowserState } from '../state/types.js';
import { cellWidth } from '../format/fit.js';
import { useColor } from './color.js';
import { headerText, type SourceInfo } from './header-text.js';

export type { SourceInfo } from './header-text.js';

/**
 * The top line (app name and breadcrumbs; the list's order, the source — DEMO in reverse video — and
 * the proxy's cache status) and a rule. Fitted in cells to the terminal width, so it is one line at
 * any width and never pushes itself off screen; `compact` drops the rule (short terminals).
 */
export function Header({ state, source, compact = false }: { state: BrowserState; source: SourceInfo; compact?: boolean }) {
  const color = useColor();
  const width = Math.max(1, state.viewport.columns - 1);
  const text = headerText(state, source, width);
  const right = [text.order, text.source, text.cache].filter((p) => p !== '');
  const used = cellWidth(text.title) + right.reduce((sum, p, i) => sum + cellWidth(p) + (i > 0 ? 1 : 0), 0);
  const pad = ' '.repeat(Math.max(right.length > 0 ? 1 : 0, width - used));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold {...color('green')}>
          {text.title}
        </Text>
        {pad}
        {text.order === '' ? null : <Text {...color('cyan')}>{text.order}</Text>}
        {text.order === '' ? '' : ' '}
        {source.demo ? (
          <Text inverse bold {...color('yellow')}>
            {text.source}
          </Text>
        ) : (
          <Text {...color('gray')}>{text.source}</Text>
        )}
        {text.cache === '' ? null : <Text {...color('gray')}>{` ${text.cache}`}</Text>}
      </Text>
      {compact ? null : <Text {...color('gray')}>{'─'.repeat(width)}</Text>}
    </Box>
  );
}
