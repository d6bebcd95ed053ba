import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv } from '../release/clean-env.js';

/** The outcome of one README command run in a terminal. */
export interface TerminalResult {
  /** The exit code of the command (`#{pane_dead_status}`), or null when it did not exit in time. */
  code: number | null;
  /** Whether the screen showed what a person expects (`expect`) before `q` was sent. */
  shown: boolean;
  /** The screen when `expect` matched (or at the deadline), then the screen and scrollback after exit. */
  screen: string;
  finalScreen: string;
  /** Why the run failed, for the assertion message; undefined when it did not. */
  problem?: string;
}

/** A screen a person would call broken: an Ink error box, a thrown error's stack, a Node crash banner. */
const BROKEN = [/\bERROR\b/, /^\s+at .+:\d+:\d+\)?$/m, /^\s+- \S+ \(.+:\d+:\d+\)$/m, /Error \[ERR_[A-Z_]+\]/, /node:internal/];

/**
 * Whether a screen shows a failure (an Ink `ERROR` box, a stack trace, a Node internal error).
 *
 * @example
 * brokenScreen(' ERROR  React is not defined\n - Browser (apps/tui/src/ui/browser.tsx:106:34)') // true
 */
export function brokenScreen(screen: string): boolean {
  return BROKEN.some((pattern) => pattern.test(screen));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The exit status of a dead pane. tmux marks the pane dead when its terminal closes, which can come
 * before it has collected the status (the format is empty until then): poll until it says a number.
 */
async function deadStatus(read: () => string, end: number): Promise<number | null> {
  for (;;) {
    const status = read().trim();
    if (/^\d+$/.test(status)) return Number(status);
    if (Date.now() > end) return null;
    await sleep(20);
  }
}

/** Single-quotes a string for `sh`. */
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs a README command the way a person does: in a real terminal (a tmux pane, `columns` x `rows`,
 * its own tmux server socket), with a fresh user's environment and no `CI` variable (Ink draws
 * interactively only then). Waits until the screen matches `expect` (failing early on a screen that
 * shows an error or a stack trace, or on exit), presses `q`, and reports the exit code. Bounded by
 * `timeoutMs`; the tmux server is killed at the end whatever happened.
 *
 * @example
 * const r = await runInTerminal('npm ci && npm start', { cwd: clone, timeoutMs: 600_000, expect: (s) => s.includes('DEMO') });
 */
export async function runInTerminal(
  command: string,
  options: { cwd: string; timeoutMs: number; expect: (screen: string) => boolean; columns?: number; rows?: number },
): Promise<TerminalResult> {
  const socket = `readme-check-${process.pid}-${Date.now()}`;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const env = cleanEnv(process.env);
  delete env['CI'];
  delete env['CONTINUOUS_INTEGRATION'];
  env['TERM'] = 'xterm-256color';
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${quote(v ?? '')}`);
  // env -i: the pane gets exactly this environment, not the tmux server's.
  // The exit status goes to a file: tmux's #{pane_dead_status} can stay empty after a clean exit
  // (tmux 3.3a under load). `trap :` keeps this shell through a terminal SIGINT; the command gets
  // the default disposition back at exec.
  const statusFile = join(tmpdir(), `${socket}.status`);
  const shell = `trap : INT TERM HUP; env -i ${assignments.join(' ')} bash -c ${quote(command)}; echo $? > ${quote(statusFile)}`;
  const [columns, rows] = [options.columns ?? 120, options.rows ?? 35];
  // One tmux command list: the pane is kept on exit (to read its status) even if the command exits at once.
  tmux(
    'new-session',
    '-d',
    '-s',
    'readme',
    '-x',
    String(columns),
    '-y',
    String(rows),
    '-c',
    options.cwd,
    shell,
    ';',
    'set-option',
    '-t',
    'readme',
    'remain-on-exit',
    'on',
  );
  const dead = (): boolean => tmux('display-message', '-p', '-t', 'readme', '#{pane_dead}').trim() === '1';
  const capture = (): string => tmux('capture-pane', '-p', '-t', 'readme');
  const end = Date.now() + options.timeoutMs;
  try {
    let screen = '';
    let shown = false;
    while (Date.now() < end) {
      screen = capture();
      if (brokenScreen(screen) || dead()) break;
      if (options.expect(screen)) {
        shown = true;
        break;
      }
      await sleep(100);
    }
    if (shown) {
      tmux('send-keys', '-t', 'readme', 'q');
      while (!dead() && Date.now() < end) await sleep(50);
    }
    const exited = dead();
    const code = exited ? await deadStatus(() => (existsSync(statusFile) ? readFileSync(statusFile, 'utf8') : ''), end) : null;
    const finalScreen = tmux('capture-pane', '-p', '-S', '-', '-t', 'readme');
    const problem = !shown
      ? brokenScreen(screen)
        ? 'the screen shows an error'
        : exited
          ? 'the command exited before showing what was expected'
          : 'timed out before the screen showed what was expected'
      : brokenScreen(finalScreen)
        ? 'the screen shows an error after q'
        : !exited
          ? 'still running after q'
          : code !== 0
            ? `exit code ${code}`
            : undefined;
    return { code, shown, screen, finalScreen, ...(problem === undefined ? {} : { problem }) };
  } finally {
    rmSync(statusFile, { force: true });
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
