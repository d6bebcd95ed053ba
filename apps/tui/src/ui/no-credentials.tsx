import { Box, Text, useApp, useInput, useStdin, useStdout } from 'ink';
import { useCallback, useState, type ReactElement } from 'react';
import { useColor } from './color.js';
import { noCredentialsText } from './no-credentials-text.js';
import { terminalSize, useTerminalResize } from './use-terminal-size.js';

const DEMO_WHAT = 'browse the DEMO (sample data from an embedded fake Atlas, same as --demo)';

/** Props of {@link NoCredentials}. */
export interface NoCredentialsProps {
  /** Why no credentials were found (the configuration's own words), if known. */
  readonly reason?: string | undefined;
  /** The browser on the embedded fake Atlas, built when the user asks for it. */
  readonly demo: () => ReactElement;
  /** Called when the user quits from this screen (`interrupted` for Ctrl-C). */
  readonly onQuit: (interrupted: boolean) => void;
}

/**
 * The first screen when no credentials are configured: says so, how to configure them, and offers
 * the demo (sample data from an embedded fake Atlas) on `d`. Never shows sample data unasked.
 */
export function NoCredentials({ reason, demo, onQuit }: NoCredentialsProps) {
  const color = useColor();
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => terminalSize(stdout));
  useTerminalResize(useCallback((rows: number, columns: number) => setSize({ rows, columns }), []));
  const { isRawModeSupported } = useStdin();
  const [showDemo, setShowDemo] = useState(false);
  useInput(
    (input, key) => {
      if (input === 'd') setShowDemo(true);
      else if (input === 'q' || key.escape || (key.ctrl && input === 'c')) {
        onQuit(key.ctrl && input === 'c');
        exit();
      }
    },
    { isActive: isRawModeSupported && !showDemo },
  );
  if (showDemo) return demo();
  // The title and the d/q line first, then the configuration's message wrapped (never cut) to as
  // many lines as fit: the frame stays shorter than the terminal (a frame as tall as it makes Ink
  // clear the screen).
  const width = Math.max(1, size.columns - 2);
  const text = noCredentialsText(reason, width);
  const title = `atlas-checkpoints: ${text.title}`;
  const advice = text.lines.slice(0, Math.max(0, size.rows - 3));
  const demoWhat = 2 + DEMO_WHAT.length + ' · q quit'.length <= width ? DEMO_WHAT : 'browse the DEMO';
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold wrap="truncate-end" {...color('yellow')}>
        {title.length <= width ? title : text.title}
      </Text>
      {size.rows >= 3 ? (
        <Text wrap="truncate-end">
          <Text bold {...color('cyan')}>
            d
          </Text>{' '}
          {demoWhat} ·{' '}
          <Text bold {...color('cyan')}>
            q
          </Text>{' '}
          quit
        </Text>
      ) : null}
      {advice.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
