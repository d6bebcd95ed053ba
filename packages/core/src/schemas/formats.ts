import { FormatRegistry } from '@sinclair/typebox';

/** RFC 3339 `date-time` (as ajv-formats' `date-time`): a date, `T`, a time and a zone (`Z` or `±hh:mm`). */
const DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt ](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const INTEGER = /^-?\d+$/;
/** RFC 4122 `uuid` (as ajv-formats' `uuid`): 8-4-4-4-12 hexadecimal digits, optionally `urn:uuid:`. */
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * True when `value` is an RFC 3339 date-time with a time zone, e.g. `2024-05-04T09:42:00Z`.
 *
 * @example
 * isDateTime('2024-05-04T09:42:00.123Z') // true
 * isDateTime('2024-05-04') // false
 */
export function isDateTime(value: string): boolean {
  return DATE_TIME.test(value);
}

function isInt32String(value: string): boolean {
  if (!INTEGER.test(value)) return false;
  const n = Number(value);
  return n >= INT32_MIN && n <= INT32_MAX;
}

/**
 * Registers the formats the Atlas spec uses (`date-time`, `uuid`, `int32`, `int64`, `double`) in TypeBox's
 * `FormatRegistry`; compiled validators reject every value of a format that is not registered.
 * TypeBox checks `format` on strings only, so the numeric formats are annotations on numbers and
 * only ever see strings here. Idempotent. `compileShapeCheck` is the one caller: every response reader is
 * compiled through it (`validators.ts` compiles core's own when first imported), and the compiled
 * checks look formats up at check time. This module has no import-time effect (the package declares
 * `sideEffects: false`).
 *
 * @example
 * registerFormats();
 * FormatRegistry.Has('date-time') // true
 */
export function registerFormats(): void {
  if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', isDateTime);
  if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value));
  if (!FormatRegistry.Has('int32')) FormatRegistry.Set('int32', isInt32String);
  if (!FormatRegistry.Has('int64')) FormatRegistry.Set('int64', (value) => INTEGER.test(value));
  if (!FormatRegistry.Has('double'))
    FormatRegistry.Set('double', (value) => value.trim() !== '' && Number.isFinite(Number(value)));
}
