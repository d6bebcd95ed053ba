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
  /** Resizes the terminal to `columns` x `rows`, as dragging the window's corner does (the program gets SIGWINCH). */
  resize(columns: number, rows: number): void;
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
  const statusFile = join(EMPTY_CONFIG, `${socket}.status`);
  // `read` holds the program back until pipe-pane records the output; env -i: exactly these variables.
  // The shell outlives the program and writes its exit status to a file: tmux's #{pane_dead_status}
  // can stay empty after a clean exit (tmux 3.3a, seen under load). `trap :` keeps the shell alive
  // through a terminal SIGINT while the program gets the default disposition back at exec.
  const command = `trap : INT TERM HUP; read go; env -i ${assignments.join(' ')} ${program}; echo $? > ${quote(statusFile)}`;
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
    // the pane's process is the shell that records the exit status; the bin is its child (env execs it)
    kill: (signal) => {
      const shell = tmux('display-message', '-p', '-t', 'test', '#{pane_pid}').trim();
      const [child] = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/);
      process.kill(Number(child), signal);
    },
    resize: (columns, rows) => void tmux('resize-window', '-t', 'test', '-x', String(columns), '-y', String(rows)),
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
      for (;;) {
        const written = existsSync(statusFile) ? readFileSync(statusFile, 'utf8').trim() : '';
        if (/^\d+$/.test(written)) return Number(written);
        if (Date.now() > end) throw new Error(`${dead() ? 'no exit status' : 'still running'}; screen was:\n${screen()}`);
        await sleep(50);
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
