// C0 controls (ESC, BEL, CR, backspace…), DEL and C1 controls (CSI, OSC, …).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text from the network made safe to draw: every control character (the start of an ANSI escape,
 * a carriage return, a bell, …) becomes `�`, so a hostile server or proxy cannot move the cursor,
 * retitle the terminal or write to the clipboard through a name or a header.
 *
 * @example
 * printable('Cluster\u001b]52;c;…\u0007') // 'Cluster�]52;c;…�'
 */
export function printable(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}
