import { Box, Text } from 'ink';
import type { BrowserState, Screen } from '../state/types.js';
import { printable } from '../format/printable.js';
import { useColor } from './color.js';

/** Where the data comes from, for the header. */
export interface SourceInfo {
  /** Atlas base URL, the proxy URL, or `DEMO`. */
  readonly label: string;
  readonly demo: boolean;
}

/** Breadcrumbs for the current stack: `projects › prod › Cluster0 › 65f…`. */
function breadcrumbs(stack: readonly Screen[]): string {
  const top = stack[stack.length - 1];
  if (top === undefined) return '';
  const crumbs = ['projects'];
  if (top.kind !== 'projects') crumbs.push(top.projectName);
  if (top.kind === 'checkpoints' || top.kind === 'detail') crumbs.push(top.clusterName);
  if (top.kind === 'detail') crumbs.push(top.checkpointId);
  return printable(crumbs.join(' › '));
}

/** The top line: app name, breadcrumbs, source (DEMO in reverse video), and the proxy's cache status. */
export function Header({ state, source }: { state: BrowserState; source: SourceInfo }) {
  const color = useColor();
  const cache =
    state.cache === undefined
      ? ''
      : printable(` cache: ${state.cache.status}${state.cache.age === undefined ? '' : ` age ${state.cache.age}s`}`);
  return (
    <Box flexDirection="column">
      <Box justifyContent="space-between">
        {/* One line whatever the width: a wrapped header would make the frame taller than the terminal. */}
        <Text bold {...color('green')} wrap="truncate">
          atlas-checkpoints <Text {...color('white')}>{breadcrumbs(state.stack)}</Text>
        </Text>
        <Box marginLeft={2}>
          <Text wrap="truncate">
            {source.demo ? (
              <Text inverse bold {...color('yellow')}>
                {' DEMO '}
              </Text>
            ) : (
              <Text {...color('gray')}>{printable(source.label)}</Text>
            )}
            <Text {...color('gray')}>{cache}</Text>
          </Text>
        </Box>
      </Box>
      <Text {...color('gray')}>{'─'.repeat(Math.max(1, state.viewport.columns - 1))}</Text>
    </Box>
  );
}
