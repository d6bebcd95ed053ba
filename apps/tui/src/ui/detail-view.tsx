import { Box, Text } from 'ink';
import { detailLines } from '../format/detail-lines.js';
import type { DetailScreen } from '../state/types.js';
import { useColor } from './color.js';

/** One checkpoint, every field, scrolled to `screen.scroll`, `height` lines tall, times fitted whole to `width` cells. */
export function DetailView({
  screen,
  height,
  now,
  width,
}: {
  screen: DetailScreen;
  height: number;
  now: number;
  width?: number;
}) {
  const color = useColor();
  if (screen.checkpoint === undefined) return <Box height={height} />;
  const lines = detailLines(screen.checkpoint, now, width);
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
