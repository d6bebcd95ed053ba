import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` cut to at most `width` terminal cells (string-width: CJK and emoji take 2), with `…` when cut;
 * never splits a grapheme (a surrogate pair, an emoji sequence).
 *
 * @example
 * cutCells('東京-prod', 5) // '東京…'
 */
export function cutCells(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Width of `text` in terminal cells. */
export const cells = (text: string): number => stringWidth(text);

/**
 * `text` fitted to exactly `width` cells: cut with `…` (never mid-grapheme) and padded with spaces.
 *
 * @example
 * padCells('東京', 6) // '東京  '
 */
export function padCells(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = cutCells(text, width);
  const pad = ' '.repeat(Math.max(0, width - cells(cut)));
  return align === 'right' ? pad + cut : cut + pad;
}
