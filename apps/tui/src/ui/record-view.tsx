import { Box, Text } from 'ink';
import { recordLines } from '../format/record-lines.js';
import type { RecordScreen } from '../state/types.js';
import { useColor } from './color.js';

/** One restore point or restore job, every field, scrolled to `screen.scroll`, `height` lines tall. */
export function RecordView({ screen, height, now }: { screen: RecordScreen; height: number; now: number }) {
  const color = useColor();
  const lines = recordLines(screen.record, now);
  const start = Math.max(0, Math.min(screen.scroll, lines.length - height));
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(start, start + height).map((line, i) => (
        <Text key={start + i} wrap="truncate" {...(line.startsWith(' ') ? {} : { bold: true, ...color('blue') })}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
