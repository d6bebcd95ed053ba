import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { NO_KEY } from '../test-helpers/keys.js';
import { keyToCommand, splitKeys } from './keymap.js';

const k = (flags: Partial<Key>): Key => ({ ...NO_KEY, ...flags });
const browse = { filtering: false, help: false };

describe('keyToCommand', () => {
  it.each([
    ['j', NO_KEY, { type: 'move', delta: 1 }],
    ['k', NO_KEY, { type: 'move', delta: -1 }],
    ['', k({ downArrow: true }), { type: 'move', delta: 1 }],
    ['', k({ upArrow: true }), { type: 'move', delta: -1 }],
    ['', k({ pageDown: true }), { type: 'page', direction: 1 }],
    ['', k({ pageUp: true }), { type: 'page', direction: -1 }],
    ['g', NO_KEY, { type: 'top' }],
    ['G', NO_KEY, { type: 'bottom' }],
    ['', k({ return: true }), { type: 'open' }],
    ['', k({ escape: true }), { type: 'back' }],
    ['', k({ backspace: true }), { type: 'back' }],
    ['/', NO_KEY, { type: 'filterStart' }],
    ['s', NO_KEY, { type: 'sortCycle' }],
    ['S', NO_KEY, { type: 'sortReverse' }],
    ['r', NO_KEY, { type: 'refresh' }],
    ['y', NO_KEY, { type: 'copy' }],
    ['?', NO_KEY, { type: 'toggleHelp' }],
    ['q', NO_KEY, { type: 'quit' }],
    ['c', k({ ctrl: true }), { type: 'quit', interrupted: true }],
  ])('maps %j %# while browsing', (input, key, command) => {
    expect(keyToCommand(input, key, browse)).toEqual(command);
  });

  it('types into the filter, and enter/esc/backspace edit it', () => {
    const filtering = { filtering: true, help: false };
    expect(keyToCommand('q', NO_KEY, filtering)).toEqual({ type: 'filterInput', text: 'q' });
    expect(keyToCommand('', k({ return: true }), filtering)).toEqual({ type: 'filterCommit' });
    expect(keyToCommand('', k({ escape: true }), filtering)).toEqual({ type: 'filterCancel' });
    expect(keyToCommand('', k({ backspace: true }), filtering)).toEqual({ type: 'filterBackspace' });
    expect(keyToCommand('\u0001', NO_KEY, filtering)).toBeUndefined();
    expect(keyToCommand('c', k({ ctrl: true }), filtering)).toEqual({ type: 'quit', interrupted: true });
  });

  it('closes help on any key, q included; only Ctrl-C quits', () => {
    const help = { filtering: false, help: true };
    expect(keyToCommand('j', NO_KEY, help)).toEqual({ type: 'toggleHelp' });
    expect(keyToCommand('q', NO_KEY, help)).toEqual({ type: 'toggleHelp' });
    expect(keyToCommand('c', k({ ctrl: true }), help)).toEqual({ type: 'quit', interrupted: true });
  });

  it('ignores unmapped keys', () => {
    expect(keyToCommand('x', NO_KEY, browse)).toBeUndefined();
  });
});

describe('splitKeys', () => {
  it('splits a chunk of keys into single presses', () => {
    const presses = splitKeys('jj\r\u007f', NO_KEY);
    expect(presses.map(([input]) => input)).toEqual(['j', 'j', '', '']);
    expect(presses[2]?.[1].return).toBe(true);
    expect(presses[3]?.[1].backspace).toBe(true);
  });

  it('leaves single keys alone', () => {
    expect(splitKeys('j', NO_KEY)).toEqual([['j', NO_KEY]]);
  });

  const commands = (chunk: string) => splitKeys(chunk, NO_KEY).map(([input, key]) => keyToCommand(input, key, browse));

  const twice = (command: object): object[] => [command, command];

  it.each([
    ['two tabs', '\t\t', twice({ type: 'nextView', direction: 1 })],
    ['two shift-tabs', '\u001b[Z\u001b[Z', twice({ type: 'nextView', direction: -1 })],
    ['two down arrows', '\u001b[B\u001b[B', twice({ type: 'move', delta: 1 })],
    [
      'SS3 up and j',
      '\u001bOAj',
      [
        { type: 'move', delta: -1 },
        { type: 'move', delta: 1 },
      ],
    ],
    ['page down, esc', '\u001b[6~\u001b', [{ type: 'page', direction: 1 }, { type: 'back' }]],
    [
      'tab, enter, home, end',
      '\t\r\u001b[H\u001b[F',
      [{ type: 'nextView', direction: 1 }, { type: 'open' }, { type: 'top' }, { type: 'bottom' }],
    ],
    [
      'j then Ctrl-C',
      'j\u0003',
      [
        { type: 'move', delta: 1 },
        { type: 'quit', interrupted: true },
      ],
    ],
  ])('maps every key of a chunk (%s)', (_name, chunk, expected) => {
    expect(commands(chunk)).toEqual(expected);
  });

  it('keeps an unknown escape sequence whole, as no key', () => {
    expect(commands('\u001b[15~j')).toEqual([undefined, { type: 'move', delta: 1 }]);
  });
});
