/** A startup problem the operator must fix (exit code 2): the message is one line naming the flag. */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}
