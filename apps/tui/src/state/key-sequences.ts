import type { Key } from 'ink';

type Flag = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'delete';

/** The escape sequences of the keys the browser maps (xterm, VT220, rxvt and SS3 forms). */
const SEQUENCES: Readonly<Record<string, Flag>> = {
  '[A': 'upArrow',
  '[B': 'downArrow',
  '[C': 'rightArrow',
  '[D': 'leftArrow',
  OA: 'upArrow',
  OB: 'downArrow',
  OC: 'rightArrow',
  OD: 'leftArrow',
  '[5~': 'pageUp',
  '[6~': 'pageDown',
  '[H': 'home',
  '[F': 'end',
  OH: 'home',
  OF: 'end',
  '[1~': 'home',
  '[4~': 'end',
  '[7~': 'home',
  '[8~': 'end',
  '[3~': 'delete',
};

/**
 * One key of a chunk: an escape sequence (CSI `ESC [ … final`, SS3 `ESC O x`, or ESC and one
 * character), or one character. Returns the key and where the next one starts.
 */
function nextToken(chunk: string, start: number): { token: string; end: number } {
  const first = String.fromCodePoint(chunk.codePointAt(start) ?? 0);
  if (first !== '\u001b' || start + 1 >= chunk.length) return { token: first, end: start + first.length };
  const kind = chunk[start + 1];
  if (kind === 'O' && start + 2 < chunk.length) return { token: chunk.slice(start, start + 3), end: start + 3 };
  if (kind === '[') {
    let i = start + 2;
    while (i < chunk.length && !/[@-~]/.test(chunk[i] ?? '')) i++;
    // legacy ESC [ [ A: the second `[` is not a final byte here
    if (i === start + 2 && chunk[i] === '[') i++;
    return { token: chunk.slice(start, i + 1), end: i + 1 };
  }
  if (kind === '\u001b') return { token: '\u001b', end: start + 1 };
  const next = String.fromCodePoint(chunk.codePointAt(start + 1) ?? 0);
  return { token: chunk.slice(start, start + 1 + next.length), end: start + 1 + next.length };
}

/** The key press one token is, the way Ink would report it arriving alone. */
function tokenToKey(token: string, plain: Key): [string, Key] {
  if (token === '\r' || token === '\n') return ['', { ...plain, return: true }];
  if (token === '\u007f' || token === '\b') return ['', { ...plain, backspace: true }];
  if (token === '\t') return ['', { ...plain, tab: true }];
  if (token === '\u001b') return ['', { ...plain, escape: true, meta: true }];
  if (token === '\u001b[Z') return ['', { ...plain, tab: true, shift: true }];
  if (token.startsWith('\u001b')) {
    const flag = SEQUENCES[token.slice(1)];
    if (flag !== undefined) return ['', { ...plain, [flag]: true }];
    // ESC and a character: meta (Alt) and that character; any other sequence is no key the browser maps
    return token.length === 2 && token[1] !== '[' ? [token.slice(1), { ...plain, meta: true }] : ['', plain];
  }
  const code = token.charCodeAt(0);
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...plain, ctrl: true }];
  return [token, /^[A-Z]$/.test(token) ? { ...plain, shift: true } : plain];
}

/** Splits a chunk into its keys, escape sequences kept whole. */
export function chunkToKeys(chunk: string, plain: Key): Array<[string, Key]> {
  const keys: Array<[string, Key]> = [];
  for (let i = 0; i < chunk.length;) {
    const { token, end } = nextToken(chunk, i);
    keys.push(tokenToKey(token, plain));
    i = end;
  }
  return keys;
}
