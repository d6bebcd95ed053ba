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
  const widths = natural.map((w, i) => Math.max(w, Math.min(mins[i] ?? 1, w)));
  const used = (ws: readonly number[]): number => {
    const shown = ws.filter((w) => w > 0);
    return shown.reduce((a, b) => a + b, 0) + Math.max(0, shown.length - 1) * COLUMN_GAP;
  };
  while (used(widths) > total) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      const w = widths[i] ?? 0;
      if (w > (mins[i] ?? 1) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    }
    if (widest >= 0) {
      widths[widest] = (widths[widest] ?? 0) - 1;
      continue;
    }
    const last = widths.findLastIndex((w) => w > 0);
    if (last <= 0) {
      widths[0] = Math.max(1, total);
      break;
    }
    widths[last] = 0;
  }
  return widths;
}

/**
 * Cuts `text` to `width` cells with an ellipsis, and pads it to exactly `width`.
 *
 * @example
 * cell('checkpoint', 6) // 'check…'
 */
export function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const cut = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  return align === 'right' ? cut.padStart(width) : cut.padEnd(width);
}
