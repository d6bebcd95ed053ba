import { Box, Text } from 'ink';
import type { ErrorInfo } from '../state/types.js';
import { printable } from '../format/printable.js';
import { useColor } from './color.js';

/** An error in place of the list: what happened, and what to do. */
export function ErrorPanel({ error }: { error: ErrorInfo }) {
  const color = useColor();
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      paddingX={1}
      {...(Object.keys(color('red')).length > 0 ? { borderColor: 'red' } : {})}
    >
      <Text bold {...color('red')}>
        {printable(error.title)}
      </Text>
      <Text>{printable(error.hint)}</Text>
      <Text {...color('gray')}>r retry · esc back · q quit</Text>
    </Box>
  );
}
