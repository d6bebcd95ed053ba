import { Box, Text } from 'ink';
import { useColor } from './color.js';
import { KEY_HELP } from '../state/keymap.js';

/** The `?` overlay listing every key. */
export function HelpOverlay() {
  const color = useColor();
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold {...color('green')}>
        Keys
      </Text>
      {KEY_HELP.map(([keys, what]) => (
        <Text key={keys}>
          <Text {...color('cyan')}>{keys.padEnd(18)}</Text>
          {what}
        </Text>
      ))}
      <Text {...color('gray')}>any key closes this help</Text>
    </Box>
  );
}
