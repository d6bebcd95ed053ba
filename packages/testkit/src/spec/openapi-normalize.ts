type Json = Record<string, unknown>;

const SCHEMA_REF = '#/components/schemas/';

/**
 * Rewrites OpenAPI 3.0 `discriminator` + `oneOf` into plain JSON Schema: each mapping value becomes
 * `if: { <prop>: const } then: { $ref }`, and a mapped schema's `allOf` reference back to the base
 * (OpenAPI inheritance, which is a cycle in JSON Schema) is replaced by the base's own properties.
 * Mutates and returns `spec`.
 *
 * @example
 * normalizeDiscriminators(spec); // ClusterProviderSettings is now validatable without infinite recursion
 */
export function normalizeDiscriminators(spec: Json): Json {
  const schemas = ((spec.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  for (const [name, schema] of Object.entries(schemas)) {
    const discriminator = schema.discriminator as { propertyName?: string; mapping?: Record<string, string> } | undefined;
    if (!discriminator?.propertyName || !discriminator.mapping || !Array.isArray(schema.oneOf)) continue;
    const prop = discriminator.propertyName;
    const base: Json = structuredClone({
      type: schema.type ?? 'object',
      properties: schema.properties ?? {},
      required: schema.required ?? [],
    });
    for (const ref of Object.values(discriminator.mapping)) {
      const child = schemas[ref.slice(SCHEMA_REF.length)];
      if (!child || !Array.isArray(child.allOf)) continue;
      child.allOf = (child.allOf as Json[]).map((part) => (part.$ref === `${SCHEMA_REF}${name}` ? structuredClone(base) : part));
    }
    delete schema.discriminator;
    delete schema.oneOf;
    const properties = (schema.properties ?? {}) as Record<string, Json>;
    properties[prop] = { ...properties[prop], enum: Object.keys(discriminator.mapping) };
    schema.properties = properties;
    const branches = Object.entries(discriminator.mapping).map(([value, ref]) => ({
      if: { properties: { [prop]: { const: value } }, required: [prop] },
      then: { $ref: ref },
    }));
    schema.allOf = [...((schema.allOf as Json[] | undefined) ?? []), ...branches];
  }
  return spec;
}

/**
 * The one known error in the spec we lift: `ApiBSONTimestampView.increment` has `minimum: 1199145600`
 * (a seconds-since-epoch bound copied onto a per-second counter); real increments are 1, 2, 4….
 * Mutates and returns `spec`.
 */
export function liftIncrementMinimum(spec: Json): Json {
  const schemas = ((spec.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const increment = ((schemas.ApiBSONTimestampView?.properties ?? {}) as Record<string, Json>).increment;
  if (increment && 'minimum' in increment) increment.minimum = 0;
  return spec;
}

/**
 * Rewrites every `oneOf` left after {@link normalizeDiscriminators} (no discriminator) as `anyOf`,
 * and drops a `type` that every branch contradicts (`CloudRegionConfig.regionName` is
 * `type: object` with `oneOf` three string enums, so no region name would ever validate).
 * The spec uses `oneOf` for unions whose branches overlap: `HardwareSpec` lists the AWS, Azure and
 * GCP hardware specs, and `M10` is a size of all three, so a real `electableSpecs` matches three
 * branches and a literal `oneOf` rejects every real cluster document; `regionName` is `oneOf` the
 * providers' region enums, and `US_WEST_2` is both an AWS and an Azure region. The intent is "one
 * of these shapes", which is `anyOf`. Mutates and returns `spec`.
 */
export function oneOfAsAnyOf(spec: Json): Json {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const schema = node as Json;
    if (Array.isArray(schema.oneOf) && schema.discriminator === undefined) {
      schema.anyOf = schema.oneOf;
      delete schema.oneOf;
      const branches = schema.anyOf as Json[];
      if (
        typeof schema.type === 'string' &&
        branches.every((branch) => typeof branch.type === 'string' && branch.type !== schema.type)
      )
        delete schema.type;
    }
    Object.values(schema).forEach(visit);
  };
  visit(spec.components);
  visit(spec.paths);
  return spec;
}

/**
 * Drops the backslash of `\:` in every `pattern` (the backup excerpt's `machineId`): a needless
 * escape that means `:` in a JavaScript regular expression without the `u` flag but is a syntax
 * error with it, and Ajv compiles patterns with `u` (which the project-name pattern's `\p{L}`
 * needs). Same language, so nothing is lifted. Mutates and returns `spec`.
 *
 * @example
 * unescapePatternColons(spec); // '(\\:[0-9]{4,5})$' → '(:[0-9]{4,5})$'
 */
export function unescapePatternColons(spec: Json): Json {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      const record = node as Json;
      if (typeof record.pattern === 'string') record.pattern = record.pattern.replace(/\\:/g, ':');
      Object.values(record).forEach(visit);
    }
  };
  visit(spec);
  return spec;
}
