import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, EMPTY_CONFIG } from './bin-helpers.js';

const SESSION = `atlas-checkpoints-e2e-${process.pid}-${Date.now()}`;
const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
const capture = (): string => tmux('capture-pane', '-p', '-t', SESSION);

/** Polls the pane until `expected` shows, or fails with the last screen after the deadline. */
async function waitFor(expected: string | RegExp | ((screen: string) => boolean), deadlineMs = 15_000): Promise<string> {
  const end = Date.now() + deadlineMs;
  const matches =
    typeof expected === 'function'
      ? expected
      : (s: string) => (typeof expected === 'string' ? s.includes(expected) : expected.test(s));
  let screen = '';
  while (Date.now() < end) {
    screen = capture();
    if (matches(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${String(expected)}; screen was:\n${screen}`);
}

const keys = (...k: string[]): void => void tmux('send-keys', '-t', SESSION, ...k);

describe('the browser in a real terminal (tmux, 100x30)', () => {
  beforeAll(() => {
    // CI installs tmux; a missing tmux is a failure, never a skip.
    execFileSync('tmux', ['-V']);
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npx tsc -b tsconfig.lib.json" first`);
    // Ink draws only a final frame when it believes it runs in CI (is-in-ci reads CI /
    // CONTINUOUS_INTEGRATION); a person at a terminal has neither, so the pane gets neither.
    const command = `env -u CI -u CONTINUOUS_INTEGRATION -u MONGODB_ATLAS_CLIENT_ID -u MONGODB_ATLAS_PUBLIC_API_KEY XDG_CONFIG_HOME=${EMPTY_CONFIG} HOME=${EMPTY_CONFIG} '${process.execPath}' '${BIN}' --demo`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '100', '-y', '30', command);
    tmux('set-option', '-t', SESSION, 'remain-on-exit', 'on');
  });

  afterAll(() => {
    try {
      tmux('kill-session', '-t', SESSION);
    } catch {
      // already gone
    }
  });

  it('opens a project, a cluster and a checkpoint, filters, goes back and quits', async () => {
    let screen = await waitFor(/loaded 3 of 3/);
    expect(screen).toContain('DEMO');
    expect(screen).toMatch(/ID\s+NAME\s+CLUSTERS\s+CREATED/);

    keys('Enter');
    screen = await waitFor(/NAME\s+TYPE\s+STATE/);
    expect(screen).toMatch(/projects › \S+/);

    keys('Enter');
    // a cluster opens on its restore points; shift-tab goes to its checkpoints
    await waitFor(/TIME\s+KIND\s+STATUS/);
    keys('BTab');
    screen = await waitFor(/loaded 500 of 500/);
    expect(screen).toMatch(/ID\s+TIMESTAMP\s+RESTORABLE/);

    keys('j', 'j', 'Enter');
    screen = await waitFor(/Parts \(\d+\)/);
    expect(screen).toMatch(/Checkpoint [a-f0-9]{24}/);
    expect(screen).toMatch(/Replica set\s+\S+/);

    keys('Escape');
    await waitFor(/loaded 500 of 500/);

    keys('/');
    await waitFor('/▏');
    tmux('send-keys', '-t', SESSION, '-l', 'not-restorable');
    await waitFor(/\d+ match/);
    keys('Enter');
    screen = await waitFor('filter: not-restorable');
    expect(screen).toMatch(/\s no\s/);
    expect(screen).not.toMatch(/\s yes\s/);

    keys('Escape');
    await waitFor((s) => !s.includes('match'));

    keys('?');
    await waitFor('cycle sort column');
    keys('Escape');
    await waitFor(/loaded 500 of 500/);

    keys('q');
    const paneDead = (): boolean => tmux('display-message', '-p', '-t', SESSION, '#{pane_dead}').trim() === '1';
    await waitFor(() => paneDead());
    expect(paneDead()).toBe(true);
  });
});
