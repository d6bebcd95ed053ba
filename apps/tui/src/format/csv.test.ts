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

  it('round-trips any printable fields that do not start a formula', () => {
    // eslint-disable-next-line no-control-regex
    const plain = fc.string().filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s) && !/^[=+\-@]/.test(s));
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 6 }), (fields) => {
        expect(parseRecord(fields.map(csvField).join(','))).toEqual(fields);
      }),
    );
  });

  it("text from the network: no control character gets through, a formula start gets a leading '", () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\uFFFDx");
    expect(csvField('a\u001b]52;c;AAAA\u0007b')).toBe('a\uFFFD]52;c;AAAA\uFFFDb');
    expect(csvField('line\nbreak')).toBe('line\uFFFDbreak');
    expect(csvField(-3)).toBe('-3');
    fc.assert(
      fc.property(fc.string(), (text) => {
        const field = csvField(text);
        // eslint-disable-next-line no-control-regex
        expect(field).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(parseRecord(field)[0]).not.toMatch(/^[=+\-@]/);
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
