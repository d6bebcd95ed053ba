import { AtlasError } from './atlas-error.js';

/** A parameter failed validation before any request was sent. */
export class InvalidParameterError extends AtlasError {
  override name = 'InvalidParameterError' as const;
  /** The parameter's name, e.g. `groupId`. */
  readonly parameter: string;
  /** The rejected value (never a credential). */
  readonly value: unknown;

  constructor(parameter: string, value: unknown, expected: string) {
    super(`Invalid parameter ${parameter}: ${printable(value)} (expected ${expected})`);
    this.parameter = parameter;
    this.value = value;
  }
}

/** True when `error` is an {@link InvalidParameterError} (by `instanceof` or by `name`). */
export function isInvalidParameterError(error: unknown): error is InvalidParameterError {
  return error instanceof InvalidParameterError || (error instanceof Error && error.name === 'InvalidParameterError');
}

/** The value as JSON; a BigInt as `1n`, and anything JSON cannot print (a cycle) by its type. */
function printable(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return `[${typeof value}]`;
  }
}
