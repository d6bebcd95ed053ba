import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, EMPTY_CONFIG } from './bin-helpers.js';

/** One program in a real terminal: a tmux pane of its own tmux server (socket), and what it wrote. */
export interface Terminal {
  /** The screen as a person sees it now. */
  screen(): string;
  /** The screen and everything scrolled off it (`capture-pane -S -`). */
  history(): string;
  /** Every byte the program wrote to the terminal so far. */
  raw(): string;
  /** tmux key names (`Enter`, `C-c`, `j`). */
  keys(...names: string[]): void;
  /** Sends `signal` to the program from outside, as `kill -TERM <pid>` does. */
  kill(signal: NodeJS.Signals): void;
  /** Whether the terminal shows its alternate screen now (tmux `alternate_on`). */
  alternateOn(): boolean;
  /** Types `text` literally. */
  type(text: string): void;
  /** Polls the screen until `expected` shows; fails with the last screen after the deadline. */
  waitFor(expected: string | RegExp | ((screen: string) => boolean), deadlineMs?: number): Promise<string>;
  /** Waits for the program to exit and returns its exit status. */
  exitStatus(deadlineMs?: number): Promise<number>;
  close(): void;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let sessions = 0;

/**
 * Runs the built bin with `args` in a tmux pane `columns` x `rows`, as a person at a terminal would:
 * no `CI` variable (Ink draws only a final frame when it thinks it runs in CI), no Atlas credentials
 * unless `env` gives them, an empty config directory. The bin starts only once the raw output is
 * being recorded, so `raw()` holds every byte.
 *
 * @example
 * const t = await openTerminal(['--demo'], { columns: 120, rows: 35 });
 * await t.waitFor('DEMO'); t.keys('q'); expect(await t.exitStatus()).toBe(0); t.close();
 */
export async function openTerminal(
  args: readonly string[],
  size: { columns: number; rows: number },
  env: Record<string, string> = {},
): Promise<Terminal> {
  execFileSync('tmux', ['-V']); // CI installs tmux; a missing tmux is a failure, never a skip
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npx tsc -b tsconfig.lib.json" first`);
  const socket = `atlas-checkpoints-test-${process.pid}-${++sessions}`;
  const tmux = (...a: string[]): string => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
  const log = join(EMPTY_CONFIG, `${socket}.out`);
  const vars = {
    PATH: process.env['PATH'] ?? '',
    HOME: EMPTY_CONFIG,
    XDG_CONFIG_HOME: EMPTY_CONFIG,
    TERM: 'xterm-256color',
    ...env,
  };
  const assignments = Object.entries(vars).map(([k, v]) => `${k}=${quote(v)}`);
  const program = [process.execPath, BIN, ...args].map(quote).join(' ');
  // `read` holds the program back until pipe-pane records the output; env -i: exactly these variables
  const command = `read go; exec env -i ${assignments.join(' ')} ${program}`;
  tmux(
    'new-session',
    '-d',
    '-s',
    'test',
    '-x',
    String(size.columns),
    '-y',
    String(size.rows),
    `sh -c ${quote(command)}`,
    ';',
    'set-option',
    '-t',
    'test',
    'remain-on-exit',
    'on',
  );
  tmux('pipe-pane', '-t', 'test', '-o', `cat >> ${quote(log)}`);
  tmux('send-keys', '-t', 'test', 'Enter');
  const dead = (): boolean => tmux('display-message', '-p', '-t', 'test', '#{pane_dead}').trim() === '1';
  const screen = (): string => tmux('capture-pane', '-p', '-t', 'test');
  const terminal: Terminal = {
    screen,
    history: () => tmux('capture-pane', '-p', '-S', '-', '-t', 'test'),
    raw: () => (existsSync(log) ? readFileSync(log, 'latin1') : ''),
    keys: (...names) => void tmux('send-keys', '-t', 'test', ...names),
    type: (text) => void tmux('send-keys', '-t', 'test', '-l', text),
    // the pane's process is the bin itself (sh and env exec it)
    kill: (signal) => process.kill(Number(tmux('display-message', '-p', '-t', 'test', '#{pane_pid}').trim()), signal),
    alternateOn: () => tmux('display-message', '-p', '-t', 'test', '#{alternate_on}').trim() === '1',
    async waitFor(expected, deadlineMs = 20_000) {
      const matches =
        typeof expected === 'function'
          ? expected
          : (s: string) => (typeof expected === 'string' ? s.includes(expected) : expected.test(s));
      const end = Date.now() + deadlineMs;
      let now = '';
      while (Date.now() < end) {
        now = screen();
        if (matches(now)) return now;
        await sleep(50);
      }
      throw new Error(`timed out waiting for ${String(expected)}; screen was:\n${now}`);
    },
    async exitStatus(deadlineMs = 20_000) {
      const end = Date.now() + deadlineMs;
      while (!dead()) {
        if (Date.now() > end) throw new Error(`still running; screen was:\n${screen()}`);
        await sleep(50);
      }
      // tmux marks the pane dead when its terminal closes, which can come before it has collected the
      // exit status (the format is empty until then; a signal leaves it empty and sets pane_dead_signal)
      for (;;) {
        const status = tmux('display-message', '-p', '-t', 'test', '#{pane_dead_status}').trim();
        if (/^\d+$/.test(status)) return Number(status);
        const signal = tmux('display-message', '-p', '-t', 'test', '#{pane_dead_signal}').trim();
        if (signal !== '') throw new Error(`killed by signal ${signal}; screen was:\n${screen()}`);
        if (Date.now() > end) throw new Error(`no exit status; screen was:\n${screen()}`);
        // tmux 3.3 sometimes misses the SIGCHLD and leaves the program a zombie with no status: nudge
        // this test's own tmux server (by its PID) so it reaps the child and records the status
        process.kill(Number(tmux('display-message', '-p', '#{pid}').trim()), 'SIGCHLD');
        await sleep(20);
      }
    },
    close() {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
    },
  };
  return terminal;
}
