import stringWidth from 'string-width';
import { printable } from './printable.js';
/** Gap between two columns, in cells. */
export const COLUMN_GAP = 2;

/** How {@link fitWidths} chooses when not every column fits. */
export interface FitOptions {
  /**
   * The leading columns that matter most (default: all): a column after them is shown only when
   * the columns before it keep their natural widths and it fits at its minimum.
   */
  readonly keep?: number;
  /**
   * Narrower minimums than `mins` for the kept columns: they shrink to these, once every column is
   * at its own minimum, before one of them is dropped.
   */
  readonly mins?: ReadonlyArray<number | undefined>;
  /** Shrink the first column (an id) only after the others are at their minimums. */
  readonly firstShrinksLast?: boolean;
}

/**
 * Fits column widths into `total` cells: drops the optional columns (past `keep`) that do not fit
 * beside the others' natural widths, then columns from the right until their minimums fit, and
 * shrinks the widest columns first (never below their minimum, the kept ones' narrower minimums
 * only after every column is at its own; the first column last with `firstShrinksLast`). A width
 * of 0 means "dropped".
 *
 * @example
 * fitWidths([24, 30, 10], [8, 10, 5], 40) // [13, 13, 10]
 * fitWidths([24, 30, 10, 20], [24, 30, 10, 20], 38, { keep: 3, mins: [8, 19, 5], firstShrinksLast: true }) // [10, 19, 5, 0]
 */
export function fitWidths(
  natural: readonly number[],
  mins: readonly number[],
  total: number,
  options: FitOptions = {},
): number[] {
  const widths = natural.map((w) => Math.max(1, w));
  const keep = Math.max(1, options.keep ?? widths.length);
  const baseMin = (i: number): number => Math.min(mins[i] ?? 1, widths[i] ?? 1);
  const minOf = (i: number): number => (i < keep ? Math.min(options.mins?.[i] ?? baseMin(i), baseMin(i)) : baseMin(i));
  const used = (pick: (i: number) => number): number => {
    const shown = widths.map((w, i) => (w > 0 ? pick(i) : 0)).filter((w) => w > 0);
    return shown.reduce((a, b) => a + b, 0) + Math.max(0, shown.length - 1) * COLUMN_GAP;
  };
  // An optional column (past `keep`) shows only beside the natural widths of those before it.
  for (let j = keep; j < widths.length; j++) {
    const fits = used((i) => (i < j ? (widths[i] ?? 0) : i === j ? baseMin(i) : 0)) <= total;
    if (!fits) widths.fill(0, j);
    if (!fits) break;
  }
  // Drop columns from the right until their minimums fit (always keep the first).
  for (let last = widths.length - 1; last > 0 && used(minOf) > total; last--) widths[last] = 0;
  const current = (i: number): number => widths[i] ?? 0;
  // Shrink the widest column, one cell at a time, down to `min` (the first last, if asked); false when short of room.
  const shrinkTo = (min: (i: number) => number): boolean => {
    const shrinkable = (i: number): boolean => current(i) > min(i);
    const firstWaits = (): boolean => options.firstShrinksLast === true && widths.some((_, j) => j > 0 && shrinkable(j));
    while (used(current) > total) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        if (i === 0 && firstWaits()) continue;
        if (shrinkable(i) && (widest < 0 || current(i) > current(widest))) widest = i;
      }
      if (widest < 0) return false;
      widths[widest] = current(widest) - 1;
    }
    return true;
  };
  // Every column to its own minimum first; only then the kept columns to their narrower ones.
  if (!shrinkTo(baseMin) && !shrinkTo(minOf)) widths[0] = Math.max(1, total);
  return widths;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * How many terminal cells `text` takes (string-width: East Asian wide characters and emoji count
 * 2, combining marks and zero-width characters 0). Control characters count 0: pass text through
 * `printable` first.
 *
 * @example
 * cellWidth('東京') // 4
 */
export function cellWidth(text: string): number {
  return stringWidth(text);
}

/**
 * The longest prefix of `text` that fits `width` cells, cut between graphemes (never inside a
 * surrogate pair, an emoji sequence or a base character and its combining marks).
 *
 * @example
 * cutToWidth('東京タワー', 5) // '東京' (4 cells: the next character is 2 wide)
 */
export function cutToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (cellWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = cellWidth(segment);
    if (used + w > width) break;
    out += segment;
    used += w;
  }
  return out;
}

/**
 * `text` cut to at most `width` cells, ending in `…` when cut (never mid-grapheme); not padded.
 *
 * @example
 * ellipsize('東京-prod', 5) // '東京…'
 */
export function ellipsize(text: string, width: number): string {
  if (width <= 0) return '';
  return cellWidth(text) > width ? `${cutToWidth(text, width - 1)}…` : text;
}

/**
 * Cuts `text` to `width` cells with an ellipsis, and pads it to exactly `width` cells. Control
 * characters are made printable first.
 *
 * @example
 * cell('checkpoint', 6) // 'check…'
 * cell('東京タワー', 6) // '東京… ' (the ellipsis after 4 cells, one space to make 6)
 */
export function cell(raw: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const cut = ellipsize(printable(raw), width);
  const pad = ' '.repeat(Math.max(0, width - cellWidth(cut)));
  return align === 'right' ? pad + cut : cut + pad;
}

/**
 * `text` cut from the start to at most `width` cells, starting with `…` when cut (the end kept:
 * a breadcrumb's current location); not padded.
 *
 * @example
 * ellipsizeStart('projects › prod › Cluster0', 12) // '… › Cluster0'
 */
export function ellipsizeStart(text: string, width: number): string {
  if (width <= 0) return '';
  if (cellWidth(text) <= width) return text;
  const segments = [...graphemes.segment(text)].map((s) => s.segment);
  let out = '';
  let used = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] ?? '';
    const w = cellWidth(segment);
    if (used + w > width - 1) break;
    out = segment + out;
    used += w;
  }
  return `…${out}`;
}

/**
 * A column title with a mark after it (a sort arrow), in `width` cells: the name is cut, never the
 * mark; padded like {@link cell}.
 *
 * @example
 * titleCell('RESTORABLE', '↑', 11) // 'RESTORABLE↑'
 * titleCell('RESTORABLE', '↑', 5) // 'RES…↑'
 */
export function titleCell(title: string, mark: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const room = width - cellWidth(mark);
  if (room <= 0) return cell(mark, width, align);
  return cell(`${ellipsize(printable(title), room)}${mark}`, width, align);
}

/**
 * A column's natural width with room for a sort arrow after its title (so sorting never cuts it).
 *
 * @example
 * titledWidth({ header: 'RESTORABLE', width: 10 }) // 11
 */
export function titledWidth(column: { readonly header: string; readonly width: number }): number {
  return Math.max(column.width, cellWidth(column.header) + 1);
}

/**
 * `text` wrapped into lines of at most `width` cells: each line of it on its own, broken between
 * words (spaces), a word wider than `width` cut between graphemes onto as many lines as it needs.
 * Nothing is dropped and nothing ends in `…`.
 *
 * @example
 * wrapToWidth('set MONGODB_ATLAS_CLIENT_ID and', 20) // ['set', 'MONGODB_ATLAS_CLIENT', '_ID and']
 */
export function wrapToWidth(text: string, width: number): string[] {
  const size = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const joined = line === '' ? word : `${line} ${word}`;
      if (cellWidth(joined) <= size) {
        line = joined;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (cellWidth(line) > size) {
        const head = cutToWidth(line, size) || [...line][0] || '';
        lines.push(head);
        line = line.slice(head.length);
      }
    }
    lines.push(line);
  }
  return lines;
}
