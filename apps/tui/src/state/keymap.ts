import type { Key } from 'ink';
import type { Action } from './actions.js';
import { chunkToKeys } from './key-sequences.js';

/** What a key does: a reducer action, or `copy` (the reducer queues the selection for the clipboard). */
export type KeyCommand = Exclude<Action, { type: 'key' }> | { readonly type: 'copy' };

/** The keys, as the help overlay lists them. */
export const KEY_HELP: ReadonlyArray<readonly [string, string]> = [
  ['↑/↓ j/k', 'move'],
  ['PgUp/PgDn', 'page up / down'],
  ['g / G', 'top / true end (reads the end page directly)'],
  ['enter', 'open'],
  ['tab / shift-tab', "a cluster's next view: restore points, restore jobs, checkpoints"],
  ['esc / backspace', 'back (or clear the filter)'],
  ['/', 'filter: id, date, restorable, part name'],
  ['s', 'cycle sort column (order in the header)'],
  ['S', 'reverse order (checkpoints: newest first)'],
  ['r', 'refresh, keeping the cursor on the same row'],
  ['y', 'copy the selection as JSON (the Atlas document)'],
  ['?', 'this help'],
  ['q / Ctrl-C', 'quit'],
];

/**
 * Maps a key press to a command, k9s-style. While the filter prompt is open, printable keys type.
 *
 * @example
 * keyToCommand('j', key, { filtering: false, help: false }) // { type: 'move', delta: 1 }
 */
export function keyToCommand(input: string, key: Key, mode: { filtering: boolean; help: boolean }): KeyCommand | undefined {
  if (key.ctrl && input === 'c') return { type: 'quit', interrupted: true };
  // "any key closes this help": q and esc too only close it (Ctrl-C, above, still quits)
  if (mode.help) return { type: 'toggleHelp' };
  if (mode.filtering) {
    if (key.return) return { type: 'filterCommit' };
    if (key.escape) return { type: 'filterCancel' };
    if (key.backspace || key.delete) return { type: 'filterBackspace' };
    if (key.upArrow) return { type: 'move', delta: -1 };
    if (key.downArrow) return { type: 'move', delta: 1 };
    if (input !== '' && !key.ctrl && !key.meta && [...input].every((ch) => ch.charCodeAt(0) >= 0x20))
      return { type: 'filterInput', text: input };
    return undefined;
  }
  if (key.upArrow || input === 'k') return { type: 'move', delta: -1 };
  if (key.downArrow || input === 'j') return { type: 'move', delta: 1 };
  if (key.pageUp || (key.ctrl && input === 'b')) return { type: 'page', direction: -1 };
  if (key.pageDown || (key.ctrl && input === 'f')) return { type: 'page', direction: 1 };
  if (key.home || input === 'g') return { type: 'top' };
  if (key.end || input === 'G') return { type: 'bottom' };
  if (key.tab) return { type: 'nextView', direction: key.shift ? -1 : 1 };
  if (key.return || key.rightArrow) return { type: 'open' };
  if (key.escape || key.backspace || key.delete || key.leftArrow) return { type: 'back' };
  switch (input) {
    case '/':
      return { type: 'filterStart' };
    case 's':
      return { type: 'sortCycle' };
    case 'S':
      return { type: 'sortReverse' };
    case 'r':
      return { type: 'refresh' };
    case 'y':
      return { type: 'copy' };
    case '?':
      return { type: 'toggleHelp' };
    case 'q':
      return { type: 'quit' };
    default:
      return undefined;
  }
}

/**
 * Splits a chunk of several keys that arrived together (fast typing, a paste, tmux send-keys) into
 * single key presses; Ink hands such a chunk to `useInput` as one string.
 *
 * @example
 * splitKeys('jj\r', key) // [['j', …], ['j', …], ['', { …, return: true }]]
 * splitKeys('\t\u001b[Z', key) // [['', { …, tab: true }], ['', { …, tab: true, shift: true }]]
 */
export function splitKeys(input: string, key: Key): Array<[string, Key]> {
  if ([...input].length <= 1) return [[input, key]];
  const plain: Key = {
    ...key,
    return: false,
    backspace: false,
    delete: false,
    tab: false,
    escape: false,
    ctrl: false,
    meta: false,
    shift: false,
  };
  return chunkToKeys(input, plain);
}
