import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckpointIdCheck, ClusterNameCheck, GroupIdCheck, ListQueryCheck } from './index.js';
import { ItemsPerPage, PageNum } from './params.js';
import { TypeCompiler } from '@sinclair/typebox/compiler';

const HEX = '0123456789abcdef';
const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-';
const NOISE = [...'ABCDEFghijkz_. /:%é\u0000\n-'];

/** Independent oracles: the spec patterns spelt out character by character. */
const isObjectId = (value: string) => value.length === 24 && [...value].every((char) => HEX.includes(char));
const isClusterName = (value: string) =>
  value.length > 0 && value[0] !== '-' && [...value].every((char) => NAME_CHARS.includes(char));

const objectId = fc.string({ unit: fc.constantFrom(...HEX), minLength: 24, maxLength: 24 });
const clusterName = fc
  .tuple(fc.constantFrom(...NAME_CHARS.slice(0, -1)), fc.string({ unit: fc.constantFrom(...NAME_CHARS), maxLength: 64 }))
  .map(([first, rest]) => first + rest);
const PageNumCheck = TypeCompiler.Compile(PageNum);
const ItemsPerPageCheck = TypeCompiler.Compile(ItemsPerPage);

describe('request parameter schemas', () => {
  it('accepts every 24-hex-digit groupId and checkpointId', () => {
    fc.assert(fc.property(objectId, (id) => GroupIdCheck.Check(id) && CheckpointIdCheck.Check(id)));
  });

  it('accepts ids exactly when they are 24 lowercase hex digits', () => {
    const mixed = fc.oneof(
      fc.string({ unit: fc.constantFrom(...HEX, ...NOISE), minLength: 22, maxLength: 26 }),
      objectId.chain((id) =>
        fc.tuple(fc.nat(23), fc.constantFrom(...NOISE)).map(([at, char]) => id.slice(0, at) + char + id.slice(at + 1)),
      ),
    );
    fc.assert(
      fc.property(
        mixed,
        (value) => GroupIdCheck.Check(value) === isObjectId(value) && CheckpointIdCheck.Check(value) === isObjectId(value),
      ),
    );
  });

  it('accepts every cluster name that starts with a letter or digit and continues with letters, digits and hyphens', () => {
    fc.assert(fc.property(clusterName, (name) => ClusterNameCheck.Check(name)));
  });

  it('rejects cluster names outside the pattern', () => {
    const mixed = fc.string({ unit: fc.constantFrom(...NAME_CHARS, ...NOISE), maxLength: 20 });
    fc.assert(fc.property(mixed, (value) => ClusterNameCheck.Check(value) === isClusterName(value)));
    for (const bad of ['', '-cluster', 'my_cluster', 'cluster 0', 'cluster.0', 'Clüster'])
      expect(ClusterNameCheck.Check(bad)).toBe(false);
  });

  it('rejects ids and names that are not strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.nat())),
        (value) => !GroupIdCheck.Check(value) && !ClusterNameCheck.Check(value),
      ),
    );
  });

  it('pageNum is an integer >= 1', () => {
    fc.assert(fc.property(fc.integer({ min: 1 }), (n) => PageNumCheck.Check(n)));
    fc.assert(fc.property(fc.integer({ max: 0 }), (n) => !PageNumCheck.Check(n)));
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }).filter((n) => !Number.isInteger(n)),
        (n) => !PageNumCheck.Check(n),
      ),
    );
  });

  it('itemsPerPage is an integer in 1..500', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), (n) => ItemsPerPageCheck.Check(n)));
    fc.assert(fc.property(fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 501 })), (n) => !ItemsPerPageCheck.Check(n)));
    expect(ItemsPerPageCheck.Check('100')).toBe(false);
  });

  it('ListQuery takes optional pageNum, itemsPerPage and includeCount', () => {
    fc.assert(
      fc.property(
        fc.record(
          { pageNum: fc.integer({ min: 1 }), itemsPerPage: fc.integer({ min: 1, max: 500 }), includeCount: fc.boolean() },
          { requiredKeys: [] },
        ),
        (query) => ListQueryCheck.Check(query),
      ),
    );
    expect(ListQueryCheck.Check({ itemsPerPage: 501 })).toBe(false);
    expect(ListQueryCheck.Check({ includeCount: 'false' })).toBe(false);
  });
});
