import { FormatRegistry } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { isDateTime, registerFormats } from './formats.js';

describe('formats', () => {
  it('registers every format the spec uses, idempotently', () => {
    registerFormats();
    registerFormats();
    for (const format of ['date-time', 'int32', 'int64', 'double']) expect(FormatRegistry.Has(format)).toBe(true);
  });

  it.each(['2024-05-04T09:42:00Z', '2024-05-04T09:42:00.123Z', '2024-05-04T09:42:00+02:00', '2024-02-29t23:59:60z'])(
    'accepts date-time %s',
    (value) => {
      expect(isDateTime(value)).toBe(true);
    },
  );

  it.each(['2024-05-04', '2024-05-04T09:42:00', '2024-13-04T09:42:00Z', '2024-05-04T24:00:00Z', 'May 4, 2024', ''])(
    'rejects date-time %j',
    (value) => {
      expect(isDateTime(value)).toBe(false);
    },
  );

  it('checks numeric formats given as strings', () => {
    expect(FormatRegistry.Get('int32')?.('2147483647')).toBe(true);
    expect(FormatRegistry.Get('int32')?.('2147483648')).toBe(false);
    expect(FormatRegistry.Get('int64')?.('-9007199254740993')).toBe(true);
    expect(FormatRegistry.Get('int64')?.('1.5')).toBe(false);
    expect(FormatRegistry.Get('double')?.('1.5e3')).toBe(true);
    expect(FormatRegistry.Get('double')?.('abc')).toBe(false);
  });
});
