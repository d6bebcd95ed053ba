/**
 * Exact requests (principal, URL as sent, `Accept`) mapped to the normalised variant they were
 * served as, so a repeated request finds its rendered body without routing, parsing or
 * validation. An alias is only recorded after the request was validated and answered 200 for that
 * principal, so it can never serve a principal what it was not allowed to see: the principal's id
 * is part of the key, and a proxy token's projects or a passthrough partition never change. The map
 * holds at most `max` aliases and starts over when full (a burst of full-path requests, bounded
 * memory whatever URLs callers invent).
 *
 * @example
 * const aliases = createVariantAliases();
 * aliases.set(aliases.key(id, url, accept), variant); // after serving it
 * aliases.get(aliases.key(id, url, accept)); // the variant, on the next identical request
 */
export function createVariantAliases(max = 10_000) {
  let aliases = new Map<string, string>();
  return {
    key: (principalId: string, url: string, accept: string | undefined): string => `${principalId}\n${accept ?? ''}\n${url}`,
    get: (key: string): string | undefined => aliases.get(key),
    set(key: string, variant: string): void {
      if (aliases.get(key) === variant) return;
      if (aliases.size >= max) aliases = new Map();
      aliases.set(key, variant);
    },
  };
}
