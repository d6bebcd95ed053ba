// C0 controls (ESC, BEL, CR, backspace…), DEL and C1 controls (CSI, OSC, …).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

// Bidi controls (LRM, RLM, ALM, embeddings and overrides, isolates) and zero-width characters (ZWSP,
// ZWNJ, word joiner, BOM) that reorder or hide text; ZWJ too, except between two pictographs (an emoji sequence).
const INVISIBLE =
  /[\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|(?<!\p{Extended_Pictographic}(?:\u{fe0f}|\p{Emoji_Modifier})?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;

/** `<U+202E>`: an invisible character made visible, by its code point. */
const codePoint = (ch: string): string => `<U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;

/**
 * Text from the network made safe to draw: every control character (the start of an ANSI escape,
 * a carriage return, a bell, …) becomes `�`, so a hostile server or proxy cannot move the cursor,
 * retitle the terminal or write to the clipboard through a name or a header. Bidi overrides and
 * zero-width characters (Unicode TR 36, "Bidirectional Text Spoofing") show as their code point,
 * `<U+202E>`, so a name cannot read backwards or hide a character; emoji ZWJ sequences stay whole.
 *
 * @example
 * printable('Cluster\u001b]52;c;…\u0007') // 'Cluster�]52;c;…�'
 * printable('invoice\u202Efdp.exe') // 'invoice<U+202E>fdp.exe'
 */
export function printable(text: string): string {
  return text.replace(CONTROL, '\uFFFD').replace(INVISIBLE, codePoint);
}
