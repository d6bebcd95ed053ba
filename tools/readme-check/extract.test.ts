import { describe, expect, it } from 'vitest';
import { extractCommands, opensBrowser } from './extract.js';

const fence = '```';

describe('extractCommands', () => {
  it('takes every command line of sh blocks, in order, with its line number', () => {
    const md = [
      '# T',
      '',
      `${fence}sh`,
      'npm ci && npm start',
      '',
      '# a comment',
      '$ npm test',
      fence,
      `${fence}ts`,
      'const x = 1;',
      fence,
    ].join('\n');
    expect(extractCommands(md)).toEqual([
      { command: 'npm ci && npm start', line: 4, mode: { kind: 'run' } },
      { command: 'npm test', line: 7, mode: { kind: 'run' } },
    ]);
  });

  it('joins backslash continuations', () => {
    const md = [`${fence}bash`, 'node x.js \\', '  --a 1 \\', '  --b 2', fence].join('\n');
    expect(extractCommands(md)).toEqual([{ command: 'node x.js --a 1 --b 2', line: 2, mode: { kind: 'run' } }]);
  });

  it('applies a skip or server directive to the next block only', () => {
    const md = [
      '<!-- readme-test: skip (needs a TTY) -->',
      `${fence}sh`,
      'npx atlas-checkpoints',
      fence,
      '<!-- readme-test: server -->',
      '',
      `${fence}sh`,
      'npx atlas-checkpoints-proxy --demo',
      fence,
      `${fence}sh`,
      'echo hi',
      fence,
      '<!-- readme-test: terminal -->',
      `${fence}sh`,
      'npm start',
      fence,
    ].join('\n');
    expect(extractCommands(md).map((c) => c.mode)).toEqual([
      { kind: 'skip', reason: 'needs a TTY' },
      { kind: 'server' },
      { kind: 'run' },
      { kind: 'terminal' },
    ]);
  });

  it('forgets a directive when prose comes between it and the block', () => {
    const md = ['<!-- readme-test: skip (x) -->', 'Some prose.', `${fence}sh`, 'echo hi', fence].join('\n');
    expect(extractCommands(md)[0]?.mode).toEqual({ kind: 'run' });
  });

  it('rejects a skip without a reason and an unknown directive', () => {
    expect(() => extractCommands('<!-- readme-test: skip -->')).toThrow(/line 1: unknown readme-test directive "skip"/);
    expect(() => extractCommands('<!-- readme-test: skp (x) -->')).toThrow(/unknown/);
  });
});

describe('opensBrowser', () => {
  it('knows the commands that open the interactive browser', () => {
    expect(opensBrowser('npm ci && npm start')).toBe(true);
    expect(opensBrowser('npx atlas-checkpoints --demo')).toBe(true);
    expect(opensBrowser('node apps/tui/dist/bin.js browse --demo')).toBe(true);
    expect(opensBrowser('node apps/tui/dist/bin.js list --demo -o json')).toBe(false);
    expect(opensBrowser('npm install --global @atlas-checkpoints/tui')).toBe(false);
    expect(opensBrowser('npm test')).toBe(false);
  });
});
