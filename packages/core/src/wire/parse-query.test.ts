import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWireError } from './wire-error.js';
import { OPERATIONS } from './operations.js';
import { canonicalQuery, pageSelection, parseQuery, renderFlags } from './parse-query.js';

const list = OPERATIONS.listGroupClusters;
const single = OPERATIONS.getGroupClusterBackupCheckpoint;

function refusal(search: string, operation: typeof list | typeof single = list): string | undefined {
  try {
    parseQuery(operation, search);
    return undefined;
  } catch (error) {
    if (!isWireError(error)) return 'other';
    return `${error.status} ${error.body.errorCode} ${error.body.badRequestDetail?.fields?.[0]?.field ?? ''}`;
  }
}

describe('query parsing, as Atlas reads a query', () => {
  it('applies the defaults', () => {
    expect(parseQuery(list, '').values).toEqual({
      pageNum: 1,
      itemsPerPage: 100,
      includeCount: true,
      envelope: false,
      pretty: false,
      includeDeletedWithRetainedBackups: false,
    });
    expect(parseQuery(single, '').values).toEqual({ envelope: false, pretty: false });
  });

  it('reads booleans in any letter case, integers with a sign or leading zeros, an empty value as absent', () => {
    const q = parseQuery(
      list,
      'pretty=TRUE&envelope=True&includeCount=FALSE&pageNum=%2B02&itemsPerPage=0500&includeDeletedWithRetainedBackups=tRuE',
    );
    expect(q.values).toMatchObject({ pretty: true, envelope: true, includeCount: false, pageNum: 2, itemsPerPage: 500 });
    expect(q.values.includeDeletedWithRetainedBackups).toBe(true);
    expect(parseQuery(list, 'pretty=&pageNum=&itemsPerPage=').values).toMatchObject({
      pretty: false,
      pageNum: 1,
      itemsPerPage: 100,
    });
  });

  it('takes the first of a repeated parameter and ignores parameters the operation does not declare', () => {
    expect(pageSelection(parseQuery(list, 'pageNum=3&pageNum=x')).pageNum).toBe(3);
    expect(parseQuery(single, 'pageNum=x&itemsPerPage=9999&utm_source=mail').values).toEqual({ envelope: false, pretty: false });
    expect(refusal('pageNum=x&pageNum=3')).toBe('400 VALIDATION_ERROR pageNum');
  });

  it('refuses bad values with the parameter’s own error code and a badRequestDetail naming it', () => {
    const cases: Array<[string, string]> = [
      ['itemsPerPage=501', '400 INVALID_ITEMS_PER_PAGE itemsPerPage'],
      ['itemsPerPage=0', '400 INVALID_ITEMS_PER_PAGE itemsPerPage'],
      ['itemsPerPage=ten', '400 INVALID_ITEMS_PER_PAGE itemsPerPage'],
      ['itemsPerPage=1.5', '400 INVALID_ITEMS_PER_PAGE itemsPerPage'],
      ['pageNum=0', '400 VALIDATION_ERROR pageNum'],
      ['pageNum=-1', '400 VALIDATION_ERROR pageNum'],
      ['pageNum=1e3', '400 VALIDATION_ERROR pageNum'],
      ['pageNum=99999999999999999999', '400 VALIDATION_ERROR pageNum'],
      ['includeCount=yes', '400 VALIDATION_ERROR includeCount'],
      ['pretty=1', '400 VALIDATION_ERROR pretty'],
      ['envelope=on', '400 VALIDATION_ERROR envelope'],
      ['includeDeletedWithRetainedBackups=maybe', '400 VALIDATION_ERROR includeDeletedWithRetainedBackups'],
    ];
    for (const [search, expected] of cases) expect(refusal(search), search).toBe(expected);
    expect(refusal('includeDeletedWithRetainedBackups=maybe', single)).toBeUndefined();
  });

  it('keeps caller text in the detail short and printable', () => {
    try {
      parseQuery(list, `itemsPerPage=${'\u0001'.repeat(100)}`);
    } catch (error) {
      expect(isWireError(error) && error.body.detail).toMatch(
        /^Invalid itemsPerPage value \?{64}…; it must be an integer between 1 and 500\.$/,
      );
    }
  });

  it('normalises: any spelling of the same values has the same canonical form (property)', () => {
    const boolean = fc
      .boolean()
      .chain((value) =>
        fc
          .constantFrom(...[String(value), String(value).toUpperCase(), value ? 'True' : 'False'])
          .map((text) => ({ value, text })),
      );
    const integer = (min: number, max: number) =>
      fc
        .integer({ min, max })
        .chain((value) => fc.constantFrom(String(value), `0${value}`, `%2B${value}`).map((text) => ({ value, text })));
    fc.assert(
      fc.property(boolean, boolean, integer(1, 10_000), integer(1, 500), fc.string(), (pretty, count, page, size, junk) => {
        const spelled = `pretty=${pretty.text}&includeCount=${count.text}&pageNum=${page.text}&itemsPerPage=${size.text}&x=${encodeURIComponent(junk)}`;
        const plain = new URLSearchParams([
          ['pretty', String(pretty.value)],
          ['includeCount', String(count.value)],
          ['pageNum', String(page.value)],
          ['itemsPerPage', String(size.value)],
        ]);
        const roles = ['render', 'page', 'filter'] as const;
        expect(canonicalQuery(list, parseQuery(list, spelled), roles)).toEqual(
          canonicalQuery(list, parseQuery(list, plain), roles),
        );
        expect(renderFlags(parseQuery(list, spelled)).pretty).toBe(pretty.value);
      }),
    );
  });

  it('the canonical form leaves out defaults and unknown parameters, in table order', () => {
    const q = parseQuery(
      list,
      'x=1&pretty=true&includeCount=true&pageNum=1&itemsPerPage=7&includeDeletedWithRetainedBackups=TRUE',
    );
    expect(canonicalQuery(list, q, ['render', 'page', 'filter'])).toEqual([
      ['itemsPerPage', '7'],
      ['pretty', 'true'],
      ['includeDeletedWithRetainedBackups', 'true'],
    ]);
    expect(canonicalQuery(list, q, ['filter'])).toEqual([['includeDeletedWithRetainedBackups', 'true']]);
  });
});
