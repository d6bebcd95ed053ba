import { printable } from '../format/printable.js';
import { describeError, type ErrorContext } from '../state/describe-error.js';
import type { OutStream } from './io.js';
import { USAGE_HINT } from './usage-error.js';

/** Text made printable line by line: no control character reaches the terminal, the line breaks stay. */
const safe = (text: string): string => text.split('\n').map(printable).join('\n');

/**
 * Writes an error to stderr: the message, `errorCode` on its own line when Atlas sent one, and what
 * to do. A usage error is one line plus `Run with --help for usage.`; a configuration error is its
 * message (it says how to fix it). Text from the network (an error's `detail`) is made printable.
 *
 * @example
 * reportError(error, process.stderr, { groupId })
 */
export function reportError(error: unknown, stderr: OutStream, context: ErrorContext = {}): void {
  if (error instanceof Error && (error.name === 'UsageError' || error.name === 'CommanderError')) {
    stderr.write(`error: ${safe(error.message.replace(/^error: /, ''))}\n${USAGE_HINT}\n`);
    return;
  }
  if (error instanceof Error && (error.name === 'ConfigError' || error.name === 'NothingFoundError')) {
    stderr.write(`error: ${safe(error.message)}\n`);
    return;
  }
  const info = describeError(error, context);
  stderr.write(`error: ${safe(info.title)}\n`);
  if (info.errorCode !== undefined) stderr.write(`errorCode: ${safe(info.errorCode)}\n`);
  stderr.write(`${safe(info.hint)}\n`);
}
