import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './build-openapi.js';

describe('buildOpenApi', () => {
  it('is a valid OpenAPI 3.1 document covering the four Atlas paths', async () => {
    const doc = buildOpenApi();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths as object)).toHaveLength(4);
  });
});
