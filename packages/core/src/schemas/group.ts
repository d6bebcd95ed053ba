import { Type, type Static } from '@sinclair/typebox';
import { Links } from './link.js';
import { objectId } from './object-id.js';

/**
 * A key-value tag on a project or cluster, e.g. `environment : production`.
 *
 * @example
 * const tag: ResourceTag = { key: 'environment', value: 'production' };
 */
export const ResourceTag = Type.Object(
  {
    key: Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'Constant that defines the set of the tag, e.g. `environment`.',
    }),
    value: Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'Variable that belongs to the set of the tag, e.g. `production`.',
    }),
  },
  {
    title: 'Resource Tag',
    description: 'Key-value pair that tags and categorizes a MongoDB Cloud organization, project, or cluster.',
  },
);
export type ResourceTag = Static<typeof ResourceTag>;

/**
 * A project (`Group`). Unknown fields are tolerated and kept.
 *
 * Deviation from the spec: `name` has the pattern `^[\p{L}\p{N}\-_.(),:&@+']{1,64}$`, which needs
 * the `u` regex flag (TypeBox compiles patterns without it, so `\p{L}` would mean the letter `p`)
 * and forbids spaces although the service names every first project `Project 0`. We enforce only
 * its length, 1..64.
 *
 * @example
 * const page = assertShape(GroupPageCheck, body, url);
 * page.results.map((group) => group.name);
 */
export const Group = Type.Object({
  clusterCount: Type.Integer({
    format: 'int64',
    readOnly: true,
    description: 'Quantity of MongoDB Cloud clusters deployed in this project.',
  }),
  created: Type.String({
    format: 'date-time',
    readOnly: true,
    description: 'Date and time when MongoDB Cloud created this project (ISO 8601, UTC).',
  }),
  id: Type.Optional(
    objectId({ readOnly: true, description: 'Unique 24-hexadecimal digit string that identifies the MongoDB Cloud project.' }),
  ),
  links: Type.Optional(Links),
  name: Type.String({ minLength: 1, maxLength: 64, description: 'Human-readable label that identifies the project.' }),
  orgId: objectId({ description: 'Organization to which the project belongs.' }),
  regionUsageRestrictions: Type.Optional(
    Type.Union([Type.Literal('COMMERCIAL_FEDRAMP_REGIONS_ONLY'), Type.Literal('GOV_REGIONS_ONLY')], {
      default: 'COMMERCIAL_FEDRAMP_REGIONS_ONLY',
      description: 'Atlas for Government only; missing in Commercial Atlas responses.',
    }),
  ),
  tags: Type.Optional(Type.Array(ResourceTag, { description: 'Key-value pairs for tagging and categorizing the project.' })),
  withDefaultAlertsSettings: Type.Optional(
    Type.Boolean({
      default: true,
      description: 'Flag that indicates whether to create the project with default alert settings.',
    }),
  ),
});
export type Group = Static<typeof Group>;
