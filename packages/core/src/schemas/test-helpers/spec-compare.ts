/**
 * Test helper: compares an OpenAPI 3.0 schema from the official excerpt with a TypeBox schema and
 * lists every difference in the keywords that decide what a document may contain.
 */
export type SpecSchema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, SpecSchema>;
  items?: SpecSchema;
  required?: string[];
  enum?: unknown[];
};

export type Spec = { components: { schemas: Record<string, SpecSchema>; parameters: Record<string, { schema: SpecSchema }> } };

type Box = Record<string, unknown> & {
  type?: string | undefined;
  anyOf?: Box[] | undefined;
  const?: unknown;
  properties?: Record<string, Box>;
  items?: Box;
  required?: string[];
};

/** Keywords compared on every schema. */
const COMPARED = [
  'type',
  'format',
  'pattern',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'readOnly',
  'default',
] as const;

export interface CompareOptions {
  /** `location -> keywords` deliberately not compared there (documented deviations). */
  exceptions?: Readonly<Record<string, readonly string[]>>;
  /** Spec schema names for which only the TypeBox schema's own properties are compared. */
  subsetOf?: readonly string[];
  /**
   * Compare a reading schema (core's tolerant reading): enums must be open (the spec's values
   * plus any string) and an object requires exactly the names of this list it has, whatever the
   * spec requires.
   */
  reading?: { required: readonly string[] };
}

function resolve(spec: Spec, schema: SpecSchema): { schema: SpecSchema; name?: string } {
  if (!schema.$ref) return { schema };
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return { schema: target, name };
}

/**
 * A TypeBox union of literals (closed enum), of literals plus `string` (open enum), or a
 * `T | null` union, reduced to the keywords a spec schema has.
 */
function normalise(box: Box): { box: Box; nullable: boolean; open: boolean } {
  if (!box.anyOf) return { box, nullable: false, open: false };
  const nonNull = box.anyOf.filter((variant) => variant.type !== 'null');
  const nullable = nonNull.length < box.anyOf.length;
  if (nonNull.length === 1 && nonNull[0]) return { box: { ...box, ...nonNull[0], anyOf: undefined }, nullable, open: false };
  const literals = nonNull.filter((variant) => variant.const !== undefined);
  const rest = nonNull.filter((variant) => variant.const === undefined);
  const open = rest.length === 1 && rest[0]?.type !== undefined && literals.every((variant) => variant.type === rest[0]?.type);
  if (literals.length > 0 && (rest.length === 0 || open)) {
    const types = new Set(literals.map((variant) => variant.type));
    const enumBox = { ...box, type: [...types][0], enum: literals.map((variant) => variant.const), anyOf: undefined };
    return { box: enumBox, nullable, open };
  }
  return { box, nullable, open: false };
}

/**
 * Every difference between `specSchema` and `box`, as `location: message` strings.
 *
 * @example
 * expect(compareWithSpec(spec, { $ref: '#/components/schemas/Link' }, Link, 'Link')).toEqual([]);
 */
export function compareWithSpec(
  spec: Spec,
  specSchema: SpecSchema,
  box: unknown,
  at: string,
  options: CompareOptions = {},
): string[] {
  const { schema: target, name } = resolve(spec, specSchema);
  const { box: b, nullable, open } = normalise(box as Box);
  const skip = new Set(options.exceptions?.[at] ?? []);
  const out: string[] = [];
  if (options.reading && target.enum && !open) out.push(`${at}: enum is closed (reading needs an open enum)`);
  if (!options.reading && open) out.push(`${at}: enum is open`);
  const nullableInSpec = target.nullable === true || specSchema.nullable === true;
  if (nullableInSpec !== nullable && !skip.has('nullable'))
    out.push(`${at}: nullable ${String(nullableInSpec)} vs ${String(nullable)}`);
  for (const keyword of COMPARED) {
    if (skip.has(keyword)) continue;
    const expected = keyword === 'readOnly' ? (specSchema.readOnly ?? target.readOnly) : target[keyword];
    if (JSON.stringify(expected) !== JSON.stringify(b[keyword])) {
      out.push(`${at}: ${keyword} ${JSON.stringify(expected)} vs ${JSON.stringify(b[keyword])}`);
    }
  }
  if (target.type === 'array' && target.items && !skip.has('items')) {
    out.push(...compareWithSpec(spec, target.items, b.items, `${at}[]`, options));
  }
  if (target.properties) {
    const subset = name !== undefined && options.subsetOf?.includes(name);
    const boxProperties = b.properties ?? {};
    const names = subset ? Object.keys(boxProperties) : Object.keys(target.properties);
    for (const property of names) {
      const specProperty = target.properties[property];
      const boxProperty = boxProperties[property];
      if (!specProperty) out.push(`${at}.${property}: not in the spec`);
      else if (!boxProperty) out.push(`${at}.${property}: missing`);
      else out.push(...compareWithSpec(spec, specProperty, boxProperty, `${at}.${property}`, options));
    }
    const required = (list: readonly string[] | undefined) => JSON.stringify([...(list ?? [])].sort());
    const reading = options.reading?.required;
    const expected = reading ? reading.filter((property) => property in boxProperties) : target.required;
    if (required(expected) !== required(b.required) && !skip.has('required')) {
      out.push(`${at}: required ${required(expected)} vs ${required(b.required)}`);
    }
  }
  return out;
}
