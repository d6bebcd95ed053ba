/**
 * Test helper: fast-check arbitraries built from the official OpenAPI excerpt itself (not from
 * core's schemas), for property tests of tolerant reading. Each document comes twice: `input`
 * (what Atlas sends: spec-valid, plus random unknown enum values, random `null`s in optional
 * fields and random unknown fields) and `expected` (what core must return: the same document
 * without the `null`s it tolerated).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

type SpecNode = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  enum?: string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, SpecNode>;
  required?: string[];
  items?: SpecNode;
  nullable?: boolean;
};

export interface Spec {
  components: { schemas: Record<string, SpecNode> };
}

// packages/core/src/schemas/test-helpers -> repo root is 5 levels up; shared/ sits beside it.
const SPEC_DIR = new URL('../../../../../../shared/spec/', import.meta.url);

/** An official OpenAPI excerpt: the first (default) or the backup one (`atlas-openapi-backup-excerpt.json`). */
export function loadSpec(file = 'atlas-openapi-excerpt.json'): Spec {
  return JSON.parse(readFileSync(new URL(file, SPEC_DIR), 'utf8')) as Spec;
}

/** A document as sent, and as core must return it. */
export interface Sent {
  input: unknown;
  expected: unknown;
}

export interface SpecArbitraryOptions {
  /** Properties generated even where the spec makes them optional (never null): `id`, as Atlas always sends it. */
  always: readonly string[];
  /** `schema name -> properties` to generate (others are left out), for schemas core reads a subset of. */
  only?: Readonly<Record<string, readonly string[]>>;
  /** Largest array generated. */
  maxItems?: number;
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** A value no enum of the spec lists: upper-case words, as Atlas spells its enum values. */
const unknownEnumValue = fc.stringMatching(/^[A-Z][A-Z0-9_]{2,24}$/).map((value) => `NEW_${value}`);

const dateTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

function primitive(node: SpecNode, at: string): fc.Arbitrary<unknown> {
  // An integer enum (the legacy snapshot schedule's intervals) gets unknown integers, a string enum unknown words.
  if (node.enum)
    return fc.oneof(
      fc.constantFrom(...node.enum),
      node.type === 'integer' ? fc.integer({ min: 1000, max: 9999 }) : unknownEnumValue,
    );
  if (node.type === undefined) throw new Error(`spec-arbitrary: ${at} has no type`);
  switch (node.type) {
    case 'string':
      if (node.format === 'date-time') return dateTime;
      if (node.format === 'uuid') return fc.uuid();
      if (node.pattern !== undefined) {
        // `\:` (the backup excerpt's machineId) is a needless escape a Unicode-mode pattern refuses; `:` is the same.
        const pattern = new RegExp(node.pattern.replace(/\\:/g, ':'), 'u');
        return fc.stringMatching(pattern).filter((value) => value.length >= (node.minLength ?? 0));
      }
      return fc.string({ minLength: node.minLength ?? 0, maxLength: Math.min(node.maxLength ?? 40, 40) });
    case 'integer': {
      const min = node.minimum ?? (node.format === 'int32' ? INT32.min : -1e9);
      // An int64 bound above int32 (pointInTimeUTCMillis ≥ 1199145600000) keeps a range above it.
      return fc.integer({ min, max: node.maximum ?? Math.max(INT32.max, min + 1e9) });
    }
    case 'number':
      return fc.double({ min: node.minimum ?? -1e9, max: node.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    default:
      throw new Error(`spec-arbitrary: ${at} has unsupported type ${String(node.type)}`);
  }
}

/**
 * Arbitrary `{ input, expected }` pairs for the spec schema `name`.
 *
 * @example
 * fc.assert(fc.property(specDocument(spec, 'PaginatedApiAtlasCheckpointView', { always: ['id'] }), ({ input, expected }) => …));
 */
export function specDocument(spec: Spec, name: string, options: SpecArbitraryOptions): fc.Arbitrary<Sent> {
  const maxItems = options.maxItems ?? 4;
  const resolve = (node: SpecNode): { node: SpecNode; name: string | undefined } => {
    if (node.$ref === undefined) return { node, name: undefined };
    const refName = node.$ref.replace('#/components/schemas/', '');
    const target = spec.components.schemas[refName];
    if (!target) throw new Error(`spec-arbitrary: unresolved ${node.$ref}`);
    return { node: target, name: refName };
  };

  const build = (raw: SpecNode, at: string): fc.Arbitrary<Sent> => {
    const { node, name: schemaName } = resolve(raw);
    for (const keyword of ['oneOf', 'anyOf', 'allOf', 'additionalProperties', 'discriminator']) {
      if (keyword in node) throw new Error(`spec-arbitrary: ${at} uses ${keyword}; list the properties to generate in "only"`);
    }
    if (node.type === 'array') {
      const item = build(node.items ?? {}, `${at}[]`);
      return fc.array(item, { maxLength: maxItems }).map((items) => ({
        input: items.map((entry) => entry.input),
        expected: items.map((entry) => entry.expected),
      }));
    }
    if (node.type !== 'object' && node.properties === undefined) {
      return primitive(node, at).map((value) => ({ input: value, expected: value }));
    }
    const required = new Set([...(node.required ?? []), ...options.always]);
    const only = schemaName === undefined ? undefined : options.only?.[schemaName];
    const entries = Object.entries(node.properties ?? {}).filter(([property]) => only === undefined || only.includes(property));
    // Each optional property: absent, present, or null (what a newer or sloppier server sends).
    const fields = entries.map(([property, child]) => {
      const value = build(child, `${at}.${property}`);
      if (required.has(property)) return value.map((sent) => ({ property, state: 'present' as const, sent }));
      return fc.oneof(
        fc.constant({ property, state: 'absent' as const }),
        value.map((sent) => ({ property, state: 'present' as const, sent })),
        fc.constant({ property, state: 'null' as const, nullable: child.nullable === true }),
      );
    });
    const unknown = fc.dictionary(
      fc.stringMatching(/^x[A-Za-z]{1,8}$/),
      fc.jsonValue({ maxDepth: 2 }).map((value) => value),
      { maxKeys: 2 },
    );
    return fc.tuple(fc.tuple(...fields), unknown).map(([generated, extra]) => {
      const input: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      for (const field of generated) {
        if (field.state === 'null') {
          input[field.property] = null;
          // A field the spec makes nullable keeps its null; elsewhere core reads null as absent.
          if (field.nullable) expected[field.property] = null;
        }
        if (field.state === 'present') {
          input[field.property] = field.sent.input;
          expected[field.property] = field.sent.expected;
        }
      }
      for (const [key, value] of Object.entries(extra)) {
        if (key in input || entries.some(([property]) => property === key)) continue;
        input[key] = value;
        expected[key] = value;
      }
      return { input, expected };
    });
  };

  return build({ $ref: `#/components/schemas/${name}` }, name);
}
