import { AtlasError } from './atlas-error.js';

/** A parameter failed validation before any request was sent. */
export class InvalidParameterError extends AtlasError {
  override name = 'InvalidParameterError' as const;
  /** The parameter's name, e.g. `groupId`. */
  readonly parameter: string;
  /** The rejected value (never a credential). */
  readonly value: unknown;

  constructor(parameter: string, value: unknown, expected: string) {
    super(`Invalid parameter ${parameter}: ${JSON.stringify(value) ?? String(value)} (expected ${expected})`);
    this.parameter = parameter;
    this.value = value;
  }
}

/** True when `error` is an {@link InvalidParameterError} (by `instanceof` or by `name`). */
export function isInvalidParameterError(error: unknown): error is InvalidParameterError {
  return error instanceof InvalidParameterError || (error instanceof Error && error.name === 'InvalidParameterError');
}
