import { FormatRegistry } from '@sinclair/typebox';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDateTime, registerFormats } from './formats.js';

describe('formats', () => {
  it('registers every format the spec uses, idempotently', () => {
    registerFormats();
    registerFormats();
    for (const format of ['date-time', 'uuid', 'int32', 'int64', 'double']) expect(FormatRegistry.Has(format)).toBe(true);
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

describe('format registration', () => {
  afterEach(() => registerFormats());

  it('happens when the validators load, not when formats.ts loads (the package declares sideEffects: false)', async () => {
    FormatRegistry.Clear();
    vi.resetModules();
    await import('./formats.js');
    expect(FormatRegistry.Has('date-time')).toBe(false);
    await import('./validators.js');
    expect([...FormatRegistry.Entries().keys()].sort()).toEqual(['date-time', 'double', 'int32', 'int64', 'uuid']);
  });
});
