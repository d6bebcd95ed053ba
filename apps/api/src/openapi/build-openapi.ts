import { ApiError, atlasMediaType, OPERATION_LIST, type Operation } from '@atlas-checkpoints/core';

const json = (schema: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function parameters(operation: Operation) {
  const path = Object.entries(operation.pathParameters).map(([name, schema]) => {
    const { description, ...rest } = json(schema);
    return { name, in: 'path', required: true, description, schema: rest };
  });
  const query = operation.query.map((parameter) => {
    const { description, ...rest } = json(parameter.schema);
    return { name: parameter.name, in: 'query', required: false, description, schema: rest };
  });
  return [...path, ...query];
}

function describeOperation(operation: Operation) {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: ref('ApiError') } } });
  const content = Object.fromEntries(
    operation.versions.map((entry) => [
      atlasMediaType(entry.version),
      { schema: ref(entry.component), 'x-xgen-version': entry.version, ...(entry.sunset ? { 'x-sunset': entry.sunset } : {}) },
    ]),
  );
  return {
    get: {
      operationId: operation.operationId,
      summary: operation.summary,
      ...(operation.deprecated ? { deprecated: true } : {}),
      parameters: parameters(operation),
      responses: {
        '200': {
          description:
            'OK, in the version the Accept date resolves to (the newest not later than it); served from the cache when fresh, see Cache-Status.',
          content,
        },
        '304': { description: 'Not Modified (If-None-Match matched the ETag of the representation).' },
        '400': error('Bad Request.'),
        '401': error('Unauthorized.'),
        '404': error('Not Found.'),
        '406': error('Not Acceptable: a version date before the first version, or no version date.'),
        '429': error('Too Many Requests (from Atlas, when no stale copy may be served).'),
        '502': error('Atlas could not be reached.'),
        '504': error('Atlas did not answer in time.'),
      },
    },
  };
}

/**
 * The proxy's OpenAPI 3.1 document, built from core's operation table: every operation with its
 * parameters, every API version as its own media type (with `x-sunset`), `deprecated` as the
 * spec gives it, and component schemas generated from core's TypeBox schemas under the spec's
 * own names.
 *
 * @example
 * const doc = buildOpenApi(); // serve as /openapi.json
 */
export function buildOpenApi(): Record<string, unknown> {
  const schemas: Record<string, unknown> = { ApiError: json(ApiError) };
  for (const operation of OPERATION_LIST) for (const entry of operation.versions) schemas[entry.component] = json(entry.schema);
  return {
    openapi: '3.1.0',
    info: {
      title: 'atlas-checkpoints-proxy',
      version: '2.0',
      description:
        'A caching proxy for the MongoDB Atlas Administration API: the same paths, parameters, versions and bodies as Atlas.',
    },
    paths: Object.fromEntries(OPERATION_LIST.map((operation) => [operation.path, describeOperation(operation)])),
    components: { schemas },
  };
}
