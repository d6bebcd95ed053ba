/** Bytes counted per alias for its map slot, beside its key and variant. */
const ALIAS_SLOT_BYTES = 64;

/**
 * Exact requests (principal, URL as sent, `Accept`) mapped to the normalised variant they were
 * served as, so a repeated request finds its rendered body without routing, parsing or
 * validation. An alias is only recorded after the request was validated and answered 200 for that
 * principal, so it can never serve a principal what it was not allowed to see: the principal's id
 * is part of the key, and a proxy token's projects or a passthrough partition never change. The map
 * holds at most `maxBytes` (keys and variants counted at their length plus a map slot) and starts
 * over when full (bounded memory whatever URLs callers invent).
 *
 * @example
 * const aliases = createVariantAliases(4 * 1024 * 1024);
 * aliases.set(aliases.key(id, url, accept), variant); // after serving it
 * aliases.get(aliases.key(id, url, accept)); // the variant, on the next identical request
 */
export function createVariantAliases(maxBytes: number) {
  let aliases = new Map<string, string>();
  let bytes = 0;
  return {
    key: (principalId: string, url: string, accept: string | undefined): string => `${principalId}\n${accept ?? ''}\n${url}`,
    get: (key: string): string | undefined => aliases.get(key),
    bytes: () => bytes,
    set(key: string, variant: string): void {
      const previous = aliases.get(key);
      if (previous === variant) return;
      const size = key.length + variant.length + ALIAS_SLOT_BYTES;
      if (previous !== undefined) bytes -= key.length + previous.length + ALIAS_SLOT_BYTES;
      if (bytes + size > maxBytes) {
        aliases = new Map();
        bytes = 0;
      }
      aliases.set(key, variant);
      bytes += size;
    },
  };
}
