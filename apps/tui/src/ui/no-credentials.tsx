import { Box, Text, useApp, useInput, useStdin, useStdout } from 'ink';
import { useCallback, useState, type ReactElement } from 'react';
import { useColor } from './color.js';
import { terminalSize, useTerminalResize } from './use-terminal-size.js';

const TITLE = 'atlas-checkpoints: no Atlas credentials found';
const SHORT_TITLE = 'no Atlas credentials found';
const DEMO_WHAT = 'browse the DEMO (sample data from an embedded fake Atlas, same as --demo)';
const ADVICE = [
  'Configure them the way the Atlas CLI does, then run atlas-checkpoints again:',
  ' · env MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET (service account),',
  ' · or MONGODB_ATLAS_PUBLIC_API_KEY and MONGODB_ATLAS_PRIVATE_API_KEY, or MONGODB_ATLAS_ACCESS_TOKEN,',
  ' · or a profile in ~/.config/atlascli/config.toml (-P name), or flags (--help lists them).',
];

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
  // The title and the d/q line first, then as much advice as fits: the frame stays shorter than the
  // terminal (a frame as tall as it makes Ink clear the screen) and no line wraps.
  const width = Math.max(1, size.columns - 2);
  const advice = [...(reason === undefined ? [] : [reason]), ' ', ...ADVICE].slice(0, Math.max(0, size.rows - 3));
  const demoWhat = 2 + DEMO_WHAT.length + ' · q quit'.length <= width ? DEMO_WHAT : 'browse the DEMO';
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold wrap="truncate-end" {...color('yellow')}>
        {TITLE.length <= width ? TITLE : SHORT_TITLE}
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
