import { describeError, type ErrorContext } from '../state/describe-error.js';
import type { OutStream } from './io.js';

/**
 * Writes an error to stderr: the message, `errorCode` on its own line when Atlas sent one, and what to do.
 *
 * @example
 * reportError(error, process.stderr, { groupId })
 */
export function reportError(error: unknown, stderr: OutStream, context: ErrorContext = {}): void {
  if (error instanceof Error && (error.name === 'UsageError' || error.name === 'CommanderError')) {
    stderr.write(`error: ${error.message.replace(/^error: /, '')}\nRun with --help for usage.\n`);
    return;
  }
  const info = describeError(error, context);
  stderr.write(`error: ${info.title}\n`);
  if (info.errorCode !== undefined) stderr.write(`errorCode: ${info.errorCode}\n`);
  stderr.write(`${info.hint}\n`);
}
