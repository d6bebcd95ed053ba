import { Type, type TSchema } from '@sinclair/typebox';
import { Links, type Link } from './link.js';

/**
 * A page of a list endpoint: `results`, `totalCount` (omitted when `includeCount=false`) and `links`.
 *
 * @example
 * const CheckpointPage = Paginated(Checkpoint);
 * type CheckpointPage = Static<typeof CheckpointPage>;
 */
export function Paginated<T extends TSchema>(item: T) {
  return Type.Object({
    links: Type.Optional(Links),
    results: Type.Array(item, {
      readOnly: true,
      description: 'List of returned documents that MongoDB Cloud provides when completing this request.',
    }),
    totalCount: Type.Optional(
      Type.Integer({
        format: 'int32',
        minimum: 0,
        readOnly: true,
        description: 'Total number of documents available; omitted when `includeCount=false`. An estimate.',
      }),
    ),
  });
}

/**
 * The shape every list method returns, whatever the item type.
 *
 * @example
 * function count<T>(page: Page<T>): number { return page.totalCount ?? page.results.length; }
 */
export interface Page<T> {
  results: T[];
  totalCount?: number;
  links?: Link[];
}
