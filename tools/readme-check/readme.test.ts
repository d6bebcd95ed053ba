import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../release/workspace.js';
import { extractCommands, opensBrowser } from './extract.js';
import { runServer, runShell } from './run-shell.js';
import { runInTerminal } from './run-terminal.js';

/** What a person sees once the browser is up in demo mode: the DEMO banner and a list with its progress line. */
const browserShown = (screen: string): boolean => screen.includes('DEMO') && /loaded \d[\d,]* of \d/.test(screen);

/** The committed README (what a clone gets), not the working copy. */
const readme = execFileSync('git', ['show', 'HEAD:README.md'], { cwd: repoRoot, encoding: 'utf8' });
const commands = extractCommands(readme);
const runnable = commands.filter((c) => c.mode.kind !== 'skip');
const COMMAND_MS = 480_000; // `npm ci` from an empty cache can take minutes

describe('README commands, as a new user runs them on a clean clone', () => {
  let clone: string;

  beforeAll(async () => {
    clone = join(await mkdtemp(join(tmpdir(), 'readme-check-')), 'atlas-checkpoints');
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repoRoot}`, clone], { stdio: 'pipe' });
  }, 120_000);
  afterAll(async () => {
    await rm(join(clone, '..'), { recursive: true, force: true });
  });

  it('starts with the two-command quick start', () => {
    const quickStart = commands.slice(0, 2).map((c) => c.command);
    expect(quickStart).toEqual(['npm ci && npm start', 'npm test']);
  });

  it('says why for every command it does not run', () => {
    const skipped = commands.flatMap((c) => (c.mode.kind === 'skip' ? [`README:${c.line} ${c.command} — ${c.mode.reason}`] : []));
    console.log(`skipped:\n${skipped.join('\n')}`);
    for (const line of skipped) expect(line).toMatch(/ — .{10,}/);
  });

  it('runs every command that opens the browser in a terminal, none behind a skip', () => {
    const untested = commands.filter((c) => opensBrowser(c.command) && c.mode.kind !== 'terminal');
    expect(untested.map((c) => `README:${c.line} ${c.command} (${c.mode.kind})`)).toEqual([]);
  });

  for (const { command, line, mode } of runnable) {
    it(
      `README:${line} ${command}`,
      async () => {
        if (mode.kind === 'terminal') {
          const result = await runInTerminal(command, { cwd: clone, timeoutMs: COMMAND_MS, expect: browserShown });
          const screens = `${result.problem ?? ''}\n--- screen:\n${result.screen}\n--- after:\n${result.finalScreen}`;
          expect({ shown: result.shown, code: result.code, problem: result.problem }, screens).toEqual({
            shown: true,
            code: 0,
            problem: undefined,
          });
        } else if (mode.kind === 'server') {
          const result = await runServer(command, { cwd: clone, timeoutMs: COMMAND_MS });
          expect(result.url, result.output).toBeDefined();
          expect(result.status, result.output).toBeDefined();
        } else {
          const result = await runShell(command, { cwd: clone, timeoutMs: COMMAND_MS });
          expect({ code: result.code, timedOut: result.timedOut }, result.output).toEqual({ code: 0, timedOut: false });
        }
      },
      COMMAND_MS + 30_000,
    );
  }
});
