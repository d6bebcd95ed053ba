import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_COLUMNS } from './columns.js';
import { csvField, csvHeader, csvRow } from './csv.js';

/** A minimal RFC 4180 reader for one record, to check the writer round-trips. */
function parseRecord(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      out.push(value);
      i++;
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      out.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return out;
}

describe('csv', () => {
  it('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField(true)).toBe('true');
    expect(csvField(undefined)).toBe('');
  });

  it('round-trips any fields', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (fields) => {
        expect(parseRecord(fields.map(csvField).join(','))).toEqual(fields);
      }),
    );
  });

  it('writes raw checkpoint values under key headers', () => {
    expect(csvHeader(CHECKPOINT_COLUMNS)).toBe('id,timestamp,restorable,parts,started,completed\n');
    const row = csvRow(CHECKPOINT_COLUMNS, {
      id: 'a'.repeat(24),
      timestamp: '2024-05-04T09:42:00Z',
      restorable: true,
      parts: [{ shardName: 's0' }, { replicaSetName: 'cfg' }],
    });
    expect(row).toBe(`${'a'.repeat(24)},2024-05-04T09:42:00Z,true,"s0,cfg",,\n`);
  });
});
