import { InvalidArgumentError } from 'commander';
import { UsageError } from './usage-error.js';

/** Options every command shares (Atlas CLI names). */
export interface GlobalOptions {
  readonly groupId?: string | undefined;
  readonly projectId?: string | undefined;
  readonly profile?: string | undefined;
  readonly baseUrl?: string | undefined;
  /** A bearer token (`atlas auth login`'s, or a proxy token for atlas-checkpoints-proxy). */
  readonly accessToken?: string | undefined;
  readonly demo?: boolean | undefined;
  readonly demoCheckpoints?: number | undefined;
}

/** `--groupId` or its alias `--projectId`; a {@link UsageError} when both are given and disagree. */
export function groupIdOf(options: GlobalOptions): string | undefined {
  const { groupId, projectId } = options;
  if (groupId !== undefined && projectId !== undefined && groupId !== projectId) {
    throw new UsageError(
      `--groupId ${groupId} and --projectId ${projectId} disagree (--projectId is an alias of --groupId): pass one`,
    );
  }
  return groupId ?? projectId;
}

/**
 * A commander argument parser for a positive integer within bounds.
 *
 * @example
 * new Option('--limit <n>').argParser(integerArg('--limit', 1, 10_000_000))
 */
export function integerArg(flag: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(`${flag} must be an integer from ${min} to ${max}, got "${value}"`);
    return n;
  };
}

/** Parses `true`/`false` for flags such as `--includeCount false`. */
export function booleanArg(flag: string): (value: string) => boolean {
  return (value) => {
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw new InvalidArgumentError(`${flag} must be true or false, got "${value}"`);
  };
}

/**
 * A commander argument parser for an Atlas object id (24 lower-case hex digits), naming the flag.
 *
 * @example
 * new Option('--groupId <id>').argParser(objectIdArg('--groupId'))
 */
export function objectIdArg(flag: string): (value: string) => string {
  return (value) => {
    if (!/^[a-f0-9]{24}$/.test(value)) {
      throw new InvalidArgumentError(`${flag} must be 24 lower-case hex digits, got ${JSON.stringify(value.slice(0, 40))}`);
    }
    return value;
  };
}
