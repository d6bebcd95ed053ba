import { stripVTControlCharacters } from 'node:util';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noCredentialsMessage } from '../cli/credentials-help.js';
import { NoCredentials } from './no-credentials.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** The screen at `columns` x `rows` for `reason`, once drawn for that size. */
async function screen(reason: string, columns = 80, rows = 24): Promise<string[]> {
  const view = render(<></>);
  unmount = view.unmount;
  Object.defineProperty(view.stdout, 'rows', { value: rows, configurable: true });
  Object.defineProperty(view.stdout, 'columns', { value: columns, configurable: true });
  view.stdout.emit('resize');
  view.rerender(<NoCredentials reason={reason} demo={() => <Text>demo</Text>} onQuit={vi.fn()} />);
  const frame = () => stripVTControlCharacters(view.lastFrame() ?? '');
  await vi.waitFor(() => expect(frame()).toContain('q quit'));
  return frame().split('\n');
}

/** The words of `lines`, however they wrap. */
const words = (lines: readonly string[]): string => lines.join(' ').replace(/\s+/g, ' ');

const HOME_CONFIG = '/home/someone-with-a-long-name/.config/atlascli/config.toml';

describe('NoCredentials at 80x24', () => {
  it("shows the script commands' whole message wrapped, never cut, the near-miss hint included", async () => {
    const message = noCredentialsMessage({ profile: 'default', configPath: HOME_CONFIG } as never, {
      MONGODB_ATLAS_CLIENTID: 'x',
    });
    const lines = await screen(message);
    expect(lines.join('\n')).not.toContain('…');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(lines.length).toBeLessThan(24);
    const shown = words(lines);
    expect(lines[0]).toContain('no Atlas credentials found');
    for (const line of message.split('\n').filter((l) => !l.startsWith('Run with --demo')))
      expect(shown).toContain(words([line]));
    expect(shown).toContain('MONGODB_ATLAS_CLIENTID (did you mean MONGODB_ATLAS_CLIENT_ID?)');
    expect(shown).toContain('MONGODB_ATLAS_ACCESS_TOKEN');
  });

  it('names half a pair as what is wrong, not as missing credentials, with how to configure them', async () => {
    const message =
      'Incomplete service account credentials: clientId is set (env MONGODB_ATLAS_CLIENT_ID) but MONGODB_ATLAS_CLIENT_SECRET is not. ' +
      `Set MONGODB_ATLAS_CLIENT_SECRET, or add client_secret to profile "default" in ${HOME_CONFIG}.`;
    const lines = await screen(message);
    expect(lines[0]).not.toContain('no Atlas credentials found');
    expect(lines[0]).toContain('incomplete');
    expect(lines.join('\n')).not.toContain('…');
    expect(words(lines)).toContain(words([message]));
    expect(words(lines)).toContain('MONGODB_ATLAS_PUBLIC_API_KEY');
  });
});
