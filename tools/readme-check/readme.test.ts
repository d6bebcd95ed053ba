import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../release/workspace.js';
import { extractCommands } from './extract.js';
import { runServer, runShell } from './run-shell.js';

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

  for (const { command, line, mode } of runnable) {
    it(
      `README:${line} ${command}`,
      async () => {
        if (mode.kind === 'server') {
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
