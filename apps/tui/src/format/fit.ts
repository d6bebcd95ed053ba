import { printable } from './printable.js';
/** Gap between two columns, in cells. */
export const COLUMN_GAP = 2;

/**
 * Fits column widths into `total` cells: shrinks the widest columns first (never below their minimum),
 * then drops columns from the right. A width of 0 means "dropped".
 *
 * @example
 * fitWidths([24, 30, 10], [8, 10, 5], 40) // [13, 13, 10]
 */
export function fitWidths(natural: readonly number[], mins: readonly number[], total: number): number[] {
  const widths = natural.map((w) => Math.max(1, w));
  const minOf = (i: number): number => Math.min(mins[i] ?? 1, widths[i] ?? 1);
  const used = (pick: (i: number) => number): number => {
    const shown = widths.map((w, i) => (w > 0 ? pick(i) : 0)).filter((w) => w > 0);
    return shown.reduce((a, b) => a + b, 0) + Math.max(0, shown.length - 1) * COLUMN_GAP;
  };
  // Drop columns from the right until their minimums fit (always keep the first).
  for (let last = widths.length - 1; last > 0 && used(minOf) > total; last--) widths[last] = 0;
  const current = (i: number): number => widths[i] ?? 0;
  // Then shrink the widest column, one cell at a time, down to its minimum.
  while (used(current) > total) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (current(i) > minOf(i) && (widest < 0 || current(i) > current(widest))) widest = i;
    }
    if (widest < 0) {
      widths[0] = Math.max(1, total);
      break;
    }
    widths[widest] = current(widest) - 1;
  }
  return widths;
}

/**
 * Cuts `text` to `width` cells with an ellipsis, and pads it to exactly `width`.
 *
 * @example
 * cell('checkpoint', 6) // 'check…'
 */
export function cell(raw: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const text = printable(raw);
  const cut = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  return align === 'right' ? cut.padStart(width) : cut.padEnd(width);
}
