/**
 * The OSC 52 sequence that asks the terminal to put `text` on the system clipboard.
 *
 * @example
 * process.stdout.write(osc52('{"id":"…"}'))
 */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** Whether the terminal can be asked to copy (a TTY that is not `dumb`). */
export function canUseOsc52(stream: { isTTY?: boolean | undefined }, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && env['TERM'] !== 'dumb' && env['TERM'] !== 'linux';
}
