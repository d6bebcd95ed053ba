import { Box, Text } from 'ink';
import { useColor } from './color.js';
import { KEY_HELP } from '../state/keymap.js';
import { cell } from '../format/fit.js';

const TITLE = 'Keys';
const FOOTER = 'any key closes this help';
/** Cells between two columns side by side. */
const GAP = 2;
/** The key column: the longest key and one space. */
const KEY_CELLS = Math.max(...KEY_HELP.map(([keys]) => keys.length)) + 1;
const WIDEST = Math.max(...KEY_HELP.map(([, what]) => KEY_CELLS + what.length));
/** Narrowest useful column when the keys are laid out side by side: the key and a few letters. */
const MIN_COLUMN = KEY_CELLS + 8 + GAP;

/** How the help is laid out in `height` x `width` cells: every line whole, none wrapped (so none overlaps). */
function helpLayout(height: number, width: number) {
  const n = KEY_HELP.length;
  // a border (2 rows, 4 columns with padding) only when everything fits inside it
  const bordered = n + 4 <= height && WIDEST + 4 <= width;
  const rows = Math.max(1, bordered ? height - 2 : height);
  const inner = Math.max(1, bordered ? width - 4 : width);
  const title = n + 2 <= rows;
  const footer = n + 1 <= rows;
  const keyRows = Math.max(1, rows - (title ? 1 : 0) - (footer ? 1 : 0));
  // side by side when a column is too short, as many columns as fit; the rest left off with a count
  const columns = Math.max(1, Math.min(Math.ceil(n / keyRows), Math.floor(inner / MIN_COLUMN)));
  const shown = Math.min(n, keyRows * columns);
  return { bordered, title, footer, keyRows, columns, columnCells: Math.floor(inner / columns), shown };
}

/** The `?` overlay listing every key, fitted to `height` x `width` cells (the body of the browser). */
export function HelpOverlay({ height = 99, width = 200 }: { height?: number; width?: number }) {
  const color = useColor();
  const layout = helpLayout(height, width);
  const entries = KEY_HELP.slice(0, layout.shown);
  const more = KEY_HELP.length - layout.shown;
  // the last visible row says how many keys a taller terminal would show
  const visible = more > 0 ? entries.slice(0, entries.length - 1) : entries;
  const cols = Array.from({ length: layout.columns }, (_, c) => visible.slice(c * layout.keyRows, (c + 1) * layout.keyRows));
  const item = ([keys, what]: readonly [string, string], keyCells: number) => (
    <Text key={keys} wrap="truncate-end">
      <Text {...color('cyan')}>{cell(keys, keyCells)}</Text>
      {what}
    </Text>
  );
  return (
    <Box flexDirection="column" {...(layout.bordered ? { borderStyle: 'round', paddingX: 1 } : {})}>
      {layout.title ? (
        <Text bold {...color('green')}>
          {TITLE}
        </Text>
      ) : null}
      <Box flexDirection="row">
        {cols.map((col, c) => (
          <Box
            key={c}
            flexDirection="column"
            width={layout.columnCells}
            flexShrink={0}
            paddingRight={c < cols.length - 1 ? GAP : 0}
          >
            {col.map((entry) =>
              item(entry, layout.columns === 1 ? KEY_CELLS : Math.max(...col.map(([keys]) => keys.length)) + 1),
            )}
            {more > 0 && c === layout.columns - 1 ? (
              <Text wrap="truncate-end" {...color('gray')}>
                … {more + 1} more keys: a taller terminal shows them
              </Text>
            ) : null}
          </Box>
        ))}
      </Box>
      {layout.footer ? <Text {...color('gray')}>{FOOTER}</Text> : null}
    </Box>
  );
}
