import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useState, type ReactElement } from 'react';
import { useColor } from './color.js';

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
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold {...color('yellow')}>
        atlas-checkpoints: no Atlas credentials found
      </Text>
      {reason === undefined ? null : <Text>{reason}</Text>}
      <Text> </Text>
      <Text>Configure them the way the Atlas CLI does, then run atlas-checkpoints again:</Text>
      <Text> · env MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET (service account),</Text>
      <Text> · or MONGODB_ATLAS_PUBLIC_API_KEY and MONGODB_ATLAS_PRIVATE_API_KEY, or MONGODB_ATLAS_ACCESS_TOKEN,</Text>
      <Text> · or a profile in ~/.config/atlascli/config.toml (-P name), or flags (--help lists them).</Text>
      <Text> </Text>
      <Text>
        <Text bold {...color('cyan')}>
          d
        </Text>{' '}
        browse the DEMO (sample data from an embedded fake Atlas, same as --demo) ·{' '}
        <Text bold {...color('cyan')}>
          q
        </Text>{' '}
        quit
      </Text>
    </Box>
  );
}
