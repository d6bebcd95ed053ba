import { Type, type Static } from '@sinclair/typebox';
import { Links } from './link.js';
import { objectId } from './object-id.js';
import { knownValueGuard, openEnum } from './open-enum.js';

/**
 * A key-value tag on a project or cluster, e.g. `environment : production`.
 *
 * Deviations from the spec, both for reading: it requires `key` and `value` and bounds their length
 * to 1..255; core needs neither, so a tag without one, or a longer one, is read. (JSON Schema
 * counts length in code points and TypeBox in UTF-16 units, so a bound would also reject a
 * spec-valid tag full of astral characters.) What the fake and the proxy emit has both, in bounds.
 *
 * @example
 * const tag: ResourceTag = { key: 'environment', value: 'production' };
 */
export const ResourceTag = Type.Object(
  {
    key: Type.Optional(Type.String({ description: 'Constant that defines the set of the tag, e.g. `environment`.' })),
    value: Type.Optional(Type.String({ description: 'Variable that belongs to the set of the tag, e.g. `production`.' })),
  },
  {
    title: 'Resource Tag',
    description: 'Key-value pair that tags and categorizes a MongoDB Cloud organization, project, or cluster.',
  },
);
export type ResourceTag = Static<typeof ResourceTag>;

/** The values the spec lists for `Group.regionUsageRestrictions`. */
export const REGION_USAGE_RESTRICTIONS = ['COMMERCIAL_FEDRAMP_REGIONS_ONLY', 'GOV_REGIONS_ONLY'] as const;
/**
 * Atlas for Government's region restriction: a known value or any string Atlas adds later.
 *
 * @example
 * const gov = group.regionUsageRestrictions === 'GOV_REGIONS_ONLY';
 */
export const RegionUsageRestrictions = openEnum(REGION_USAGE_RESTRICTIONS, {
  default: 'COMMERCIAL_FEDRAMP_REGIONS_ONLY',
  description: 'Atlas for Government only; missing in Commercial Atlas responses.',
});
export type RegionUsageRestrictions = Static<typeof RegionUsageRestrictions>;
/**
 * True for a region usage restriction this client knows.
 *
 * @example
 * isKnownRegionUsageRestrictions('GOV_REGIONS_ONLY') // true
 */
export const isKnownRegionUsageRestrictions = knownValueGuard(REGION_USAGE_RESTRICTIONS);

/**
 * A project (`Group`) as core reads it. Unknown fields are tolerated and kept; enums are open;
 * `null` in any field but `id` reads as absent.
 *
 * Deviation from the spec: it requires `clusterCount`, `created`, `name` and `orgId` and makes
 * `id` optional. Core needs only `id` (de-duplication, the paths of later calls), so only `id` is
 * required: a project without a name still lists, one without an id is a `ResponseShapeError`.
 *
 * Deviation from the spec: `name` has the pattern `^[\p{L}\p{N}\-_.(),:&@+']{1,64}$`, which needs
 * the `u` regex flag (TypeBox compiles patterns without it, so `\p{L}` would mean the letter `p`)
 * and forbids spaces although the service names every first project `Project 0`. Core reads any
 * string: the pattern's length bound counts code points, which TypeBox's `maxLength` (UTF-16 units)
 * cannot express, and core needs no bound to display a name.
 *
 * @example
 * const page = assertShape(GroupPageCheck, body, url);
 * page.results.map((group) => group.name);
 */
export const Group = Type.Object({
  clusterCount: Type.Optional(
    Type.Integer({
      format: 'int64',
      readOnly: true,
      description: 'Quantity of MongoDB Cloud clusters deployed in this project.',
    }),
  ),
  created: Type.Optional(
    Type.String({
      format: 'date-time',
      readOnly: true,
      description: 'Date and time when MongoDB Cloud created this project (ISO 8601, UTC).',
    }),
  ),
  id: objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies the MongoDB Cloud project.' }),
  links: Type.Optional(Links),
  name: Type.Optional(Type.String({ description: 'Human-readable label that identifies the project.' })),
  orgId: Type.Optional(objectId({ description: 'Organization to which the project belongs.' })),
  regionUsageRestrictions: Type.Optional(RegionUsageRestrictions),
  tags: Type.Optional(Type.Array(ResourceTag, { description: 'Key-value pairs for tagging and categorizing the project.' })),
  withDefaultAlertsSettings: Type.Optional(
    Type.Boolean({
      default: true,
      description: 'Flag that indicates whether to create the project with default alert settings.',
    }),
  ),
});
export type Group = Static<typeof Group>;
