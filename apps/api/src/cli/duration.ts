import parse from 'parse-duration';

const UNIT = '(?:ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)';
/** One or more `<number><unit>` terms (`90s`, `1h30m`, `1h 30m`): what a person writes. */
const WITH_UNITS = new RegExp(`^(?:\\d+(?:\\.\\d+)?\\s*${UNIT}\\s*)+$`, 'i');
const PLAIN_SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * A duration in milliseconds from a flag or environment value: a plain number is seconds (`60`,
 * `0.5`), anything else takes units (`500ms`, `60s`, `5m`, `1h`, `1d`, `1h30m`), converted by
 * parse-duration. `undefined` for anything else (negative, empty, a unit it does not know, or a
 * trailing number without a unit such as `5s5`).
 *
 * @example
 * parseDuration('60') // 60_000
 * parseDuration('5m') // 300_000
 * parseDuration('5x') // undefined
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (PLAIN_SECONDS.test(value)) return Math.round(Number(value) * 1000);
  if (!WITH_UNITS.test(value)) return undefined;
  const ms = parse(value.toLowerCase());
  return ms === null || !Number.isFinite(ms) ? undefined : Math.round(ms);
}

/**
 * Formats milliseconds the way {@link parseDuration} reads them back (`90s`, `5m`, `1500ms`), for
 * help texts and messages.
 *
 * @example
 * formatDuration(300_000) // '5m'
 */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
