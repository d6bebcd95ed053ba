import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { brokenScreen, runInTerminal } from './run-terminal.js';

const cwd = tmpdir();
const shows = (text: string) => (screen: string) => screen.includes(text);

describe('runInTerminal', () => {
  it('runs in a terminal without CI, presses q and reports exit 0', async () => {
    const command = `[ -t 0 ] && [ -z "\${CI+x}" ] && echo "tty $(tput cols)x$(tput lines)"; read -rn1 key; [ "$key" = q ]`;
    const result = await runInTerminal(command, { cwd, timeoutMs: 10_000, expect: shows('tty 120x35') });
    expect(result).toMatchObject({ shown: true, code: 0 });
    expect(result.problem).toBeUndefined();
  });

  it('fails a screen that shows an error, without waiting for the deadline', async () => {
    const result = await runInTerminal('echo " ERROR  React is not defined"; sleep 30', {
      cwd,
      timeoutMs: 10_000,
      expect: shows('DEMO'),
    });
    expect(result.shown).toBe(false);
    expect(result.problem).toBe('the screen shows an error');
  });

  it('fails a non-zero exit after q', async () => {
    const result = await runInTerminal('echo ready; read -rn1; exit 3', { cwd, timeoutMs: 10_000, expect: shows('ready') });
    expect(result).toMatchObject({ shown: true, code: 3, problem: 'exit code 3' });
  });

  it('fails a command that exits before showing what was expected', async () => {
    const result = await runInTerminal('echo nothing here', { cwd, timeoutMs: 10_000, expect: shows('DEMO') });
    expect(result).toMatchObject({ shown: false, code: 0, problem: 'the command exited before showing what was expected' });
  });
});

describe('brokenScreen', () => {
  it('recognises an Ink error box, a stack trace and a Node internal error', () => {
    expect(brokenScreen(' ERROR  React is not defined\n - Browser (apps/tui/src/ui/browser.tsx:106:34)')).toBe(true);
    expect(brokenScreen('TypeError: x\n    at run (file:///a/b.js:3:9)')).toBe(true);
    expect(brokenScreen('atlas-checkpoints projects   DEMO\nloaded 3 of 3')).toBe(false);
  });
});
