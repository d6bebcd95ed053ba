import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { defaultSpecPaths } from './default-spec-path.js';
import { liftIncrementMinimum, normalizeDiscriminators, oneOfAsAnyOf, unescapePatternColons } from './openapi-normalize.js';
import { addOpenApiFormats } from './openapi-formats.js';

type Json = Record<string, unknown>;
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

/** Options of {@link createSpecValidator}. */
export interface SpecValidatorOptions {
  /** The OpenAPI document. Default: both excerpts of `defaultSpecPaths()` (see `specPaths`). */
  readonly specPath?: string;
  /**
   * OpenAPI documents merged into one (their `paths` and `components`; a component both define is
   * the same in each). Default `defaultSpecPaths()`: `<repo>/../shared/spec/atlas-openapi-excerpt.json`
   * and the backup excerpt beside it. Ignored when `specPath` is given.
   */
  readonly specPaths?: readonly string[];
  /** Lift the spec's wrong `increment` minimum (1199145600) to 0. Default true; see README. */
  readonly liftIncrementMinimum?: boolean;
  /** Success media type version when `validate` is not given one. Default: the operation's first version. */
  readonly apiVersion?: string;
}

/** The outcome of one validation: `errors` are `instancePath message` lines. */
export interface SpecValidationResult {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

/** Validates response bodies against the OpenAPI excerpt. */
export interface SpecValidator {
  /**
   * `operation` is an operationId, a path template or a concrete request path; `apiVersion` picks
   * the success schema of that version (default: the validator's, else the operation's first).
   */
  validate(operation: string, status: number, body: unknown, apiVersion?: string): SpecValidationResult;
  /** Like `validate`, but throws a TypeError listing the violations. */
  assertValid(operation: string, status: number, body: unknown, apiVersion?: string): void;
  /** The operationIds the spec has. */
  readonly operationIds: readonly string[];
}

interface Operation {
  readonly id: string;
  readonly path: string;
  readonly matcher: RegExp;
  readonly responses: Record<string, Json>;
}

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** One document with every path and component of `documents` (later ones win on a name both have). */
function mergeDocuments(documents: readonly Json[]): Json {
  const [first, ...rest] = documents;
  const merged: Json = { ...first, paths: { ...(first?.paths as Json) }, components: structuredClone(first?.components ?? {}) };
  for (const document of rest) {
    Object.assign(merged.paths as Json, document.paths);
    const components = merged.components as Record<string, Json>;
    for (const [section, entries] of Object.entries((document.components ?? {}) as Record<string, Json>)) {
      components[section] = { ...components[section], ...entries };
    }
  }
  return merged;
}

/**
 * Loads the OpenAPI 3.0 excerpt into Ajv (`nullable`, `readOnly`, `example`, `x-*` and
 * `discriminator` handled; formats from ajv-formats plus int32/int64/float/double) and validates
 * bodies for an operation and status. Statuses an operation does not list (e.g. 406) are checked
 * against `ApiError`.
 *
 * @example
 * const spec = createSpecValidator();
 * spec.assertValid('listGroups', 200, await response.json());
 */
export function createSpecValidator(options: SpecValidatorOptions = {}): SpecValidator {
  const paths = options.specPath === undefined ? (options.specPaths ?? defaultSpecPaths()) : [options.specPath];
  const document = mergeDocuments(paths.map((path) => JSON.parse(readFileSync(path, 'utf8')) as Json));
  normalizeDiscriminators(document);
  oneOfAsAnyOf(document);
  unescapePatternColons(document);
  if (options.liftIncrementMinimum ?? true) liftIncrementMinimum(document);
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false });
  addFormats(ajv);
  addOpenApiFormats(ajv);
  ajv.addSchema(document, 'atlas-spec');
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
    const get = item.get as Json | undefined;
    if (!get) continue;
    const matcher = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    operations.push({ id: String(get.operationId), path, matcher, responses: get.responses as Record<string, Json> });
  }
  const cache = new Map<string, ValidateFunction>();
  const resolveResponse = (response: Json): Json => {
    const ref = response.$ref;
    if (typeof ref !== 'string') return response;
    return ((document.components as Json).responses as Record<string, Json>)[ref.split('/').pop() ?? ''] ?? {};
  };
  const compile = (operation: string, status: number, apiVersion: string | undefined): ValidateFunction => {
    const op = operations.find(
      (o) => o.id === operation || o.path === operation || o.matcher.test(operation.split('?')[0] ?? ''),
    );
    if (!op) throw new TypeError(`createSpecValidator: no GET operation ${operation} in the spec`);
    const successTypes = Object.keys(resolveResponse(op.responses['200'] ?? {}).content ?? {}).sort();
    const version = apiVersion ?? options.apiVersion;
    const successType = version === undefined ? (successTypes[0] ?? '') : `application/vnd.atlas.${version}+json`;
    const key = `${op.id} ${status} ${status < 300 ? successType : ''}`;
    const cached = cache.get(key);
    if (cached) return cached;
    let ref = 'atlas-spec#/components/schemas/ApiError';
    const response = op.responses[String(status)];
    if (response) {
      const content = (resolveResponse(response).content ?? {}) as Record<string, unknown>;
      const type = status < 300 ? successType : 'application/json';
      if (!(type in content)) throw new TypeError(`createSpecValidator: ${op.id} ${status} has no ${type} body`);
      ref =
        typeof response.$ref === 'string'
          ? `atlas-spec#${pointer('', 'components', 'responses', response.$ref.split('/').pop() ?? '', 'content', type, 'schema')}`
          : `atlas-spec#${pointer('', 'paths', op.path, 'get', 'responses', String(status), 'content', type, 'schema')}`;
    } else if (status < 400) {
      throw new TypeError(`createSpecValidator: ${op.id} has no ${status} response`);
    }
    const validate = ajv.compile({ $ref: ref });
    cache.set(key, validate);
    return validate;
  };
  const validator: SpecValidator = {
    operationIds: operations.map((o) => o.id),
    validate(operation, status, body, apiVersion) {
      const validate = compile(operation, status, apiVersion);
      const valid = validate(body);
      return {
        valid,
        errors: valid
          ? []
          : (validate.errors ?? []).map(
              (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
            ),
      };
    },
    assertValid(operation, status, body, apiVersion) {
      const result = validator.validate(operation, status, body, apiVersion);
      if (!result.valid) throw new TypeError(`body of ${operation} ${status} violates the spec:\n${result.errors.join('\n')}`);
    },
  };
  return validator;
}
