import { Type, type Static } from '@sinclair/typebox';

/**
 * A related resource (RFC 5988 web link), e.g. `{ rel: 'next', href: 'https://…?pageNum=2' }`.
 *
 * @example
 * const next = page.links?.find((link: Link) => link.rel === 'next')?.href;
 */
export const Link = Type.Object({
  href: Type.Optional(
    Type.String({
      description:
        'Uniform Resource Locator (URL) that points another API resource to which this response has some relationship.',
    }),
  ),
  rel: Type.Optional(
    Type.String({
      description: 'Semantic relationship between this resource and another API resource, e.g. `self`, `next`, `previous`.',
    }),
  ),
});
export type Link = Static<typeof Link>;

/**
 * A list of links, as every Atlas resource and page carries it.
 *
 * @example
 * const WithLinks = Type.Object({ links: Type.Optional(Links) });
 */
export const Links = Type.Array(Link, {
  readOnly: true,
  description:
    'List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both.',
});
