import { InvalidArgumentError } from 'commander';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A commander argument parser for a duration: `500ms`, `30s`, `5m`, `1h`, or a bare number of
 * seconds; at least `minMs`. Returns milliseconds.
 *
 * @example
 * new Option('--refresh <duration>').argParser(durationArg('--refresh', 1000)) // '30s' → 30000
 */
export function durationArg(flag: string, minMs: number): (value: string) => number {
  return (value) => {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
    const ms = match === null ? Number.NaN : Number(match[1]) * (UNITS[match[2] ?? 's'] ?? Number.NaN);
    if (!Number.isFinite(ms) || ms < minMs)
      throw new InvalidArgumentError(
        `${flag} must be a duration of at least ${minMs / 1000}s (e.g. 30s, 5m, 1h), got "${value}"`,
      );
    return Math.round(ms);
  };
}
